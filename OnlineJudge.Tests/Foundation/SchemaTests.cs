using Npgsql;

namespace OnlineJudge.Tests.Foundation;

public class SchemaTests
{
    private static readonly string[] ReferenceTables =
    [
        "user", "user_profile", "announcement", "message", "comment", "reaction", "options_sysoptions", "judge_server",
        "problem", "problem_tag", "problem_tags", "contest", "contest_announcement", "acm_contest_rank", "submission",
        "flowchart_submission", "problemset", "problemset_problem", "problemset_badge", "problemset_progress",
        "problemset_submission", "user_badge", "tutorial", "exercise", "achievement", "user_stat", "user_achievement",
        "ai_analysis",
    ];

    [Test]
    public async Task Every_model_change_is_covered_by_a_migration()
    {
        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(db.Database.HasPendingModelChanges(), Is.False,
            "Run: dotnet dotnet-ef migrations add <Name> --project OnlineJudge.Data");
        Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
    }

    [Test]
    public async Task Every_reference_table_exists()
    {
        var tables = await QueryStringsAsync("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
        Assert.That(tables, Is.SupersetOf(ReferenceTables));
    }

    [TestCase("problem", "_id")]
    [TestCase("problem", "test_case_score")]
    [TestCase("problem_tags", "problemtag_id")]
    [TestCase("user", "open_api_appkey")]
    [TestCase("user_profile", "acm_problems_status")]
    [TestCase("submission", "statistic_info")]
    [TestCase("acm_contest_rank", "submission_info")]
    public async Task Columns_keep_the_reference_names(string table, string column)
    {
        var columns = await QueryStringsAsync(
            $"SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}'");
        Assert.That(columns, Does.Contain(column));
    }

    [Test]
    public async Task Json_columns_are_jsonb()
    {
        var types = await QueryStringsAsync(
            "SELECT data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'problem' AND column_name IN ('samples', 'statistic_info', 'languages')");
        Assert.That(types, Is.EqualTo(new[] { "jsonb", "jsonb", "jsonb" }));
    }

    [Test]
    public async Task Submission_list_ordering_is_indexed()
    {
        var indexes = await QueryStringsAsync("SELECT indexdef FROM pg_indexes WHERE tablename = 'submission'");
        Assert.That(indexes, Has.Some.Contains("(create_time DESC)"));
    }

    private static async Task<List<string>> QueryStringsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
