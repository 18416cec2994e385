using Npgsql;
using OnlineJudge.Data.Adoption;
using OnlineJudge.Data.Health;
using OnlineJudge.Services.Operations;
using OnlineJudge.Web.Commands;

namespace OnlineJudge.Tests.Operations;

/// <summary>
/// <c>adopt</c> on the databases of real sites (../shared/fixtures): each is restored into a scratch database, adopted,
/// migrated, then served by a host of its own: the old users sign in with their old passwords, and problems, contests,
/// ranks and submissions read as the old site had them.
/// </summary>
[NonParallelizable]
public class AdoptTests : IntegrationTest
{
    [TestCase("qdu-upstream", "upstream QingdaoU/OnlineJudge")]
    [TestCase("yuetsh-2024-10", "the Django reference (yuetsh/OnlineJudge)")]
    public async Task An_old_site_is_adopted_and_served(string fixture, string source)
    {
        var database = await FixtureDatabase.RestoreAsync(fixture);
        await using var site = new OnlineJudgeWebFactory(database.ConnectionString, TestEnvironment.RedisConnectionString, new Dictionary<string, string?>
        {
            ["Storage:TestCaseDir"] = database.TestCaseDir,
            ["Judge:DispatcherEnabled"] = "false",
        });

        var report = await AdoptAsync(site);
        Assert.Multiple(() =>
        {
            Assert.That(report.Result.Outcome, Is.EqualTo(AdoptionOutcome.Adopted));
            Assert.That(report.Result.Source, Is.EqualTo(source));
            Assert.That(report.Result.Failures, Is.Empty);
            Assert.That(report.Result.Changes, Does.Contain("create table judge_task"));
            Assert.That(report.Result.TestCases, Has.Count.EqualTo(8));
            Assert.That(report.MissingTestCases, Is.Empty);
            Assert.That(report.Result.NotCarriedOver, Has.Some.StartsWith("Signed-in sessions of the old site are not carried over"));
            Assert.That(report.Result.NotCarriedOver, Has.Some.Contains("oi_contest_rank"));
            Assert.That(report.Result.NotCarriedOver, Has.Some.StartsWith("1 user(s) have no e-mail address (root): the client (ojnext) takes a user without one for a signed-out visitor"));
            Assert.That(report.ExitCode, Is.Zero);
        });

        // Idempotent: a second run (through the command) changes nothing; then migrate applies what came after the baseline.
        Assert.That(await CommandRunner.RunAsync(site.Services, ["adopt"]), Is.Zero);
        Assert.That((await AdoptAsync(site)).Result.Changes, Is.Empty);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }

        // After migrate, the tables of later migrations are ours: only the old site's own leftovers are reported.
        var afterMigrate = await AdoptAsync(site);
        Assert.Multiple(() =>
        {
            Assert.That(afterMigrate.Result.Changes, Is.Empty);
            Assert.That(afterMigrate.Result.NotCarriedOver, Has.Some.EqualTo("Tables of the old site this server does not read, left as they are: oi_contest_rank."));
            Assert.That(afterMigrate.Result.NotCarriedOver, Has.Some.StartsWith("Columns of the old site this server does not read, kept with their values: contest.real_time_rank, contest.rule_type,"));
        });

        await AssertSchemaMatchesOursAsync(database.ConnectionString);
        await AssertOldSiteReadsAsync(site);

        // The operator gives root an e-mail, as the report says; then nobody is left without one.
        Assert.That(await CommandRunner.RunAsync(site.Services,
            ["inituser", "--username", "root", "--password", "new-root-pass", "--action", "reset_password", "--email", "root@old-site.example"]), Is.Zero);
        using (var root = new ApiClient(site))
        {
            (await root.PostJsonAsync("/api/login", new { username = "root", password = "new-root-pass" })).Ok();
            Assert.That((await root.GetAsync("/api/profile")).Ok().GetProperty("user").GetProperty("email").GetString(), Is.EqualTo("root@old-site.example"));
        }

        Assert.That((await AdoptAsync(site)).Result.NotCarriedOver, Has.None.Contains("no e-mail address"));
    }

    [Test]
    public async Task A_database_without_an_old_site_is_left_alone()
    {
        var report = await AdoptAsync(TestEnvironment.Factory);
        Assert.Multiple(() =>
        {
            Assert.That(report.Result.Outcome, Is.EqualTo(AdoptionOutcome.AlreadyOurs));
            Assert.That(report.Lines(), Has.Some.Contains("nothing to adopt"));
            Assert.That(report.Result.Changes, Is.Empty);
        });
    }

    [Test]
    public async Task Missing_test_case_folders_are_reported()
    {
        var database = await FixtureDatabase.RestoreAsync("yuetsh-2024-10");
        await using var site = new OnlineJudgeWebFactory(database.ConnectionString, TestEnvironment.RedisConnectionString, new Dictionary<string, string?>
        {
            ["Storage:TestCaseDir"] = Path.Combine(Path.GetTempPath(), "onlinejudge-tests", "no-test-cases"),
            ["Judge:DispatcherEnabled"] = "false",
        });
        var report = await AdoptAsync(site);
        Assert.Multiple(() =>
        {
            Assert.That(report.MissingTestCases, Has.Count.EqualTo(8));
            Assert.That(report.Lines(), Has.Some.StartsWith("Test cases: 8 of 8 problems have no folder"));
            Assert.That(report.Lines(), Has.Some.StartsWith("  - problem 1001: "));
        });
    }

    private static async Task<AdoptionReport> AdoptAsync(OnlineJudgeWebFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteAdoptionService>().AdoptAsync(CancellationToken.None);
    }

    private static async Task AssertOldSiteReadsAsync(OnlineJudgeWebFactory site)
    {
        using var anonymous = new ApiClient(site);
        Assert.That((await anonymous.GetAsync("/api/website")).Ok().GetProperty("website_name").GetString(), Is.EqualTo("Old Site"));
        var problems = (await anonymous.GetAsync("/api/problem?limit=10&offset=0")).Ok();
        Assert.That(problems.GetProperty("total").GetInt32(), Is.EqualTo(4));
        Assert.That(problems.GetProperty("results").EnumerateArray().Select(p => p.GetProperty("_id").GetString()),
            Is.EquivalentTo(new[] { "1001", "1002", "1003", "1004" }));
        var detail = (await anonymous.GetAsync("/api/problem?problem_id=1001")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(detail.GetProperty("title").GetString(), Is.EqualTo("A + B Problem"));
            Assert.That(detail.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EquivalentTo(new[] { "Beginner", "Math" }));
            Assert.That(detail.GetProperty("submission_number").GetInt64(), Is.EqualTo(5));
            Assert.That(detail.GetProperty("accepted_number").GetInt64(), Is.EqualTo(3));
        });
        Assert.That((await anonymous.GetAsync("/api/contests?limit=10&offset=0")).Ok().GetProperty("total").GetInt32(), Is.EqualTo(2));

        using var mallory = new ApiClient(site);
        (await mallory.PostJsonAsync("/api/login", new { username = "mallory", password = "mallory-pass" })).AssertError("error", "Your account has been disabled");
        (await mallory.PostJsonAsync("/api/login", new { username = "alice", password = "wrong-password" })).AssertError("error", "Invalid username or password");

        using var alice = new ApiClient(site);
        Assert.That((await alice.PostJsonAsync("/api/login", new { username = "alice", password = "alice-pass-1" })).Ok().GetString(), Is.EqualTo("Succeeded"));
        var profile = (await alice.GetAsync("/api/profile")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(profile.GetProperty("user").GetProperty("username").GetString(), Is.EqualTo("alice"));
            Assert.That(profile.GetProperty("real_name").GetString(), Is.EqualTo("Alice Liddell"));
            Assert.That(profile.GetProperty("accepted_number").GetInt32(), Is.EqualTo(3));
            Assert.That(profile.GetProperty("submission_number").GetInt32(), Is.EqualTo(4));
        });
        var own = (await alice.GetAsync("/api/submissions?limit=20&offset=0&myself=1")).Ok();
        Assert.That(own.GetProperty("total").GetInt32(), Is.EqualTo(4));

        var rank = (await alice.GetAsync("/api/contest_rank?contest_id=1&limit=10&offset=0")).Ok();
        var rows = rank.GetProperty("results").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rank.GetProperty("total").GetInt32(), Is.EqualTo(2));
            Assert.That(rows[0].GetProperty("user").GetProperty("username").GetString(), Is.EqualTo("alice"));
            Assert.That(rows[0].GetProperty("accepted_number").GetInt32(), Is.EqualTo(2));
            Assert.That(rows[0].GetProperty("total_time").GetInt32(), Is.EqualTo(8400));
            Assert.That(rows[1].GetProperty("user").GetProperty("username").GetString(), Is.EqualTo("bob"));
            Assert.That(rows[1].GetProperty("total_time").GetInt32(), Is.EqualTo(4500));
        });

        using var root = new ApiClient(site);
        (await root.PostJsonAsync("/api/login", new { username = "root", password = "rootroot" })).Ok();
        Assert.That((await root.GetAsync("/api/admin/user?limit=10&offset=0")).Ok().GetProperty("total").GetInt32(), Is.EqualTo(6));
        Assert.That((await root.GetAsync("/api/admin/problem?limit=10&offset=0")).Ok().GetProperty("total").GetInt32(), Is.EqualTo(5));
        Assert.That((await root.GetAsync("/api/admin/contest?limit=10&offset=0")).Ok().GetProperty("total").GetInt32(), Is.EqualTo(2));
    }

    /// <summary>Every table, column (type, nullability, default present), index and foreign key of a fresh database is in the adopted one.</summary>
    private static async Task AssertSchemaMatchesOursAsync(string adopted)
    {
        const string query = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                   || ' nullable=' || is_nullable || ' default=' || (column_default IS NOT NULL OR is_identity = 'YES')
            FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL SELECT 'index ' || indexname || ' on ' || tablename FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            """;
        var fresh = await ReadAsync(TestEnvironment.DatabaseConnectionString, query);
        var ours = await ReadAsync(adopted, query);
        Assert.That(fresh.Except(ours).Order(), Is.Empty, "in a fresh database but not in the adopted one");
    }

    private static async Task<HashSet<string>> ReadAsync(string connectionString, string query)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(query, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
