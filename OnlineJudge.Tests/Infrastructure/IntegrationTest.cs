using Microsoft.Extensions.DependencyInjection;

namespace OnlineJudge.Tests.Infrastructure;

/// <summary>Base of every test that goes through HTTP: clean database and Redis before each test.</summary>
public abstract class IntegrationTest
{
    protected HttpClient Client { get; private set; } = null!;

    [SetUp]
    public async Task ResetStateAsync()
    {
        await TestEnvironment.ResetAsync();
        Client = TestEnvironment.Factory.CreateClient();
    }

    [TearDown]
    public void DisposeClient() => Client.Dispose();

    protected static AsyncServiceScope CreateScope() => TestEnvironment.Factory.Services.CreateAsyncScope();
}
