namespace OnlineJudge.Tests.Infrastructure;

/// <summary>Base of every test that goes through HTTP: clean database and Redis before each test.</summary>
public abstract class IntegrationTest
{
    private readonly List<ApiClient> clients = [];

    /// <summary>A client with its own cookie jar (one per simulated browser).</summary>
    protected ApiClient Client { get; private set; } = null!;

    [SetUp]
    public async Task ResetStateAsync()
    {
        await TestEnvironment.ResetAsync();
        Client = NewClient();
    }

    [TearDown]
    public void DisposeClients()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        clients.Clear();
    }

    protected ApiClient NewClient()
    {
        var client = new ApiClient(TestEnvironment.Factory);
        clients.Add(client);
        return client;
    }

    protected static AsyncServiceScope CreateScope() => TestEnvironment.Factory.Services.CreateAsyncScope();
}
