using System.Text.Json.Nodes;
using OnlineJudge.Services.Caching;

namespace OnlineJudge.Tests.Problems;

/// <summary>What the admin problem tests share: a Teacher, the client's problem body, request helpers.</summary>
public abstract class ProblemAdminTestBase : IntegrationTest
{
    protected User Teacher { get; private set; } = null!;

    [SetUp]
    public async Task CreateTeacherAsync() => Teacher = await new UserBuilder().WithUsername("teacher").AsTeacherAdmin().BuildAsync();

    protected static CacheService Cache => TestEnvironment.Factory.Services.GetRequiredService<CacheService>();

    /// <summary>A problem body exactly as the client's problem editor sends it (score as a string, contest_id "").</summary>
    internal static JsonObject Body(string displayId = "1001", params string[] tags) => new()
    {
        ["_id"] = displayId,
        ["title"] = "A + B",
        ["description"] = "<p>Add <script>alert(1)</script>two numbers</p>",
        ["input_description"] = "<p>two ints</p>",
        ["output_description"] = "<p>their sum</p>",
        ["time_limit"] = 1000,
        ["memory_limit"] = 256,
        ["difficulty"] = "Low",
        ["visible"] = true,
        ["share_submission"] = false,
        ["tags"] = new JsonArray([.. (tags.Length == 0 ? ["Math"] : tags).Select(t => (JsonNode)JsonValue.Create(t)!)]),
        ["languages"] = new JsonArray("C", "Python3"),
        ["template"] = new JsonObject { ["C"] = "//TEMPLATE BEGIN\nint x;\n//TEMPLATE END" },
        ["samples"] = new JsonArray(new JsonObject { ["input"] = "1 2\n", ["output"] = "3" }),
        ["test_case_id"] = "abcdef0123456789abcdef0123456789",
        ["test_case_score"] = new JsonArray(new JsonObject { ["input_name"] = "1.in", ["output_name"] = "1.out", ["score"] = "10", ["input_size"] = 4, ["output_size"] = 2, ["stripped_output_md5"] = "x" }),
        ["hint"] = "",
        ["source"] = "",
        ["prompt"] = "",
        ["answers"] = new JsonArray(new JsonObject { ["language"] = "Python3", ["code"] = "print(sum(map(int, input().split())))\n" }),
        ["contest_id"] = "",
        ["allow_flowchart"] = false,
        ["mermaid_code"] = "",
        ["flowchart_data"] = new JsonObject(),
        ["flowchart_hint"] = "",
        ["show_flowchart"] = false,
        ["ast_rules"] = null,
        ["sql_config"] = null,
    };

    protected async Task<ApiClient> LoggedInAsync(User user)
    {
        var client = NewClient();
        await client.LoginAsync(user);
        return client;
    }

    protected static Task<ApiResponse> Put(ApiClient client, string url, object body) =>
        client.SendAsync(HttpMethod.Put, url, JsonContent(body));

    protected static Task<ApiResponse> Delete(ApiClient client, string url) => client.SendAsync(HttpMethod.Delete, url, null);

    protected static System.Net.Http.Json.JsonContent JsonContent(object body) => System.Net.Http.Json.JsonContent.Create(body);
}

internal static class ErrorAssertions
{
    public static void Should(this string? error, string expected) => Assert.That(error, Is.EqualTo(expected));
}
