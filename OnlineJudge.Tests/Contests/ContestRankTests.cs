using MiniExcelLibs;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Contests;
using StackExchange.Redis;

namespace OnlineJudge.Tests.Contests;

/// <summary>contest.md §1.5 and §3: the ACM rank, its Redis snapshot and its spreadsheet download.</summary>
public class ContestRankTests : IntegrationTest
{
    private User teacher = null!;
    private Contest contest = null!;

    [SetUp]
    public async Task CreateContestAsync()
    {
        teacher = await new UserBuilder().WithUsername("owner").AsTeacherAdmin().BuildAsync();
        contest = await new ContestBuilder(teacher).BuildAsync();
    }

    [Test]
    public async Task Rank_lists_eligible_users_by_solved_desc_then_time_asc()
    {
        var slow = await Student("slow", "Slow Real");
        var fast = await Student("fast", "Fast Real");
        var one = await Student("one", null);
        var studentAdmin = await new UserBuilder().WithUsername("sadmin").AsStudentAdmin().BuildAsync();
        var disabled = await new UserBuilder().WithUsername("gone").Disabled().BuildAsync();
        var otherTeacher = await new UserBuilder().WithUsername("teacher2").AsTeacherAdmin().BuildAsync();
        var super = await new UserBuilder().WithUsername("root").AsSuperAdmin().BuildAsync();
        await new AcmContestRankBuilder(contest, slow).Accepted(1, 600, errors: 1).Accepted(2, 900).BuildAsync();
        var fastRow = await new AcmContestRankBuilder(contest, fast).Accepted(1, 300, firstAc: true).Accepted(2, 400).Failed(3, 2).BuildAsync();
        await new AcmContestRankBuilder(contest, one).Accepted(1, 100).BuildAsync();
        await new AcmContestRankBuilder(contest, studentAdmin).Failed(1, 1).BuildAsync();
        foreach (var excluded in new[] { disabled, otherTeacher, super })
        {
            await new AcmContestRankBuilder(contest, excluded).Accepted(1, 1).Accepted(2, 2).Accepted(3, 3).BuildAsync();
        }

        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        var data = (await Client.GetAsync($"/api/contest_rank?contest_id={contest.Id}&limit=50&offset=0")).Ok();
        var results = data.GetProperty("results").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("total").GetInt32(), Is.EqualTo(4));
            Assert.That(results.Select(r => r.GetProperty("user").GetProperty("username").GetString()),
                Is.EqualTo(new[] { "fast", "slow", "one", "sadmin" }));
            var first = results[0];
            Assert.That(first.GetProperty("id").GetInt32(), Is.EqualTo(fastRow.Id));
            Assert.That(first.GetProperty("contest").GetInt32(), Is.EqualTo(contest.Id));
            Assert.That(first.GetProperty("user").GetProperty("id").GetInt32(), Is.EqualTo(fast.Id));
            Assert.That(first.GetProperty("user").GetProperty("real_name").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(first.GetProperty("accepted_number").GetInt32(), Is.EqualTo(2));
            Assert.That(first.GetProperty("total_time").GetInt32(), Is.EqualTo(700));
            Assert.That(first.GetProperty("submission_number").GetInt32(), Is.EqualTo(4));
            var info = first.GetProperty("submission_info");
            Assert.That(info.GetProperty("1").GetProperty("is_ac").GetBoolean(), Is.True);
            Assert.That(info.GetProperty("1").GetProperty("ac_time").GetInt32(), Is.EqualTo(300));
            Assert.That(info.GetProperty("1").GetProperty("is_first_ac").GetBoolean(), Is.True);
            Assert.That(info.GetProperty("1").GetProperty("error_number").GetInt32(), Is.Zero);
            Assert.That(info.GetProperty("3").GetProperty("is_ac").GetBoolean(), Is.False);
            Assert.That(info.GetProperty("3").GetProperty("error_number").GetInt32(), Is.EqualTo(2));
            Assert.That(info.GetProperty("3").TryGetProperty("checked", out _), Is.False);
            Assert.That(results[1].GetProperty("total_time").GetInt32(), Is.EqualTo(600 + 1200 + 900));
        });

        var page = (await Client.GetAsync($"/api/contest_rank?contest_id={contest.Id}&limit=2&offset=1")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(4));
            Assert.That(page.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("user").GetProperty("username").GetString()),
                Is.EqualTo(new[] { "slow", "one" }));
        });
        var beyond = (await Client.GetAsync($"/api/contest_rank?contest_id={contest.Id}&limit=2&offset=10")).Ok();
        Assert.That(beyond.GetProperty("results").GetArrayLength(), Is.Zero);
        var none = (await Client.GetAsync($"/api/contest_rank?contest_id={contest.Id}&limit=0")).Ok();
        Assert.That(none.GetProperty("total").GetInt32(), Is.EqualTo(4));
    }

    [Test]
    public async Task Real_names_are_shown_to_contest_admins_only()
    {
        var student = await Student("stu", "Zhang San");
        await new AcmContestRankBuilder(contest, student).Accepted(1, 60).BuildAsync();

        async Task<JsonElement> RealNameSeenBy(User user)
        {
            var client = NewClient();
            await client.LoginAsync(user);
            return (await client.GetAsync($"/api/contest_rank?contest_id={contest.Id}")).Ok()
                .GetProperty("results")[0].GetProperty("user").GetProperty("real_name");
        }

        Assert.Multiple(async () =>
        {
            Assert.That((await RealNameSeenBy(teacher)).GetString(), Is.EqualTo("Zhang San"));
            Assert.That((await RealNameSeenBy(await new UserBuilder().AsSuperAdmin().BuildAsync())).GetString(), Is.EqualTo("Zhang San"));
            Assert.That((await RealNameSeenBy(await new UserBuilder().AsTeacherAdmin().BuildAsync())).ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That((await RealNameSeenBy(student)).ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Rank_goes_through_the_contest_gate()
    {
        (await Client.GetAsync("/api/contest_rank")).AssertError("error", "Parameter error, contest_id is required");
        (await Client.GetAsync($"/api/contest_rank?contest_id={contest.Id}")).AssertError("permission-denied", "Please login first");
        var future = await new ContestBuilder(teacher).NotStarted().BuildAsync();
        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        (await Client.GetAsync($"/api/contest_rank?contest_id={future.Id}")).AssertError("error", "Contest has not started yet.");
        (await Client.GetAsync($"/api/contest_rank?contest_id={future.Id}&download_csv=1")).AssertError("error", "Contest has not started yet.");
    }

    [Test]
    public async Task Pages_are_served_from_the_snapshot_until_the_rank_is_invalidated()
    {
        var student = await Student("stu", null);
        var row = await new AcmContestRankBuilder(contest, student).Failed(1, 1).BuildAsync();
        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        async Task<int> Accepted() =>
            (await Client.GetAsync($"/api/contest_rank?contest_id={contest.Id}")).Ok().GetProperty("results")[0].GetProperty("accepted_number").GetInt32();

        Assert.That(await Accepted(), Is.Zero);
        var redis = TestEnvironment.Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var version = (long)await redis.StringGetAsync(CacheKeys.ContestRankVersion(contest.Id));
        var snapshot = CacheKeys.ContestRankSnapshot(contest.Id, version);
        Assert.Multiple(async () =>
        {
            Assert.That(await redis.ListLengthAsync(snapshot), Is.EqualTo(2), "header + one row");
            Assert.That(await redis.KeyTimeToLiveAsync(snapshot), Is.Not.Null);
        });

        // The judge updates the row: without invalidation the snapshot is served; no database read happens.
        await SetAcceptedAsync(row.Id, 1);
        Assert.That(await Accepted(), Is.Zero);

        await using (var scope = CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContestRankService>().InvalidateRankAsync(contest.Id);
        }

        Assert.Multiple(async () =>
        {
            Assert.That((long)await redis.StringGetAsync(CacheKeys.ContestRankVersion(contest.Id)), Is.EqualTo(version + 1));
            Assert.That(await Accepted(), Is.EqualTo(1));
            Assert.That(await redis.ListLengthAsync(CacheKeys.ContestRankSnapshot(contest.Id, version + 1)), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Concurrent_readers_after_an_invalidation_all_get_the_new_rank()
    {
        var students = new List<User>();
        for (var i = 0; i < 30; i++)
        {
            var student = await new UserBuilder().BuildAsync();
            await new AcmContestRankBuilder(contest, student).Accepted(1, 100 + i).BuildAsync();
            students.Add(student);
        }

        await Client.LoginAsync(teacher);
        Assert.That((await Client.GetAsync($"/api/contest_rank?contest_id={contest.Id}")).Ok().GetProperty("total").GetInt32(), Is.EqualTo(30));
        await using (var db = TestEnvironment.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == students[0].Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true));
        }

        await using (var scope = CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContestRankService>().InvalidateRankAsync(contest.Id);
        }

        var pages = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Client.GetAsync($"/api/contest_rank?contest_id={contest.Id}&limit=5&offset={i % 6 * 5}")));
        Assert.Multiple(() =>
        {
            Assert.That(pages.Select(p => p.Ok().GetProperty("total").GetInt32()), Is.All.EqualTo(29));
            Assert.That(pages[0].Ok().GetProperty("results")[0].GetProperty("user").GetProperty("id").GetInt32(), Is.EqualTo(students[1].Id));
            Assert.That(pages[5].Ok().GetProperty("results").GetArrayLength(), Is.EqualTo(4));
        });
    }

    [Test]
    public async Task Invalidating_one_contest_leaves_the_others_cached()
    {
        var other = await new ContestBuilder(teacher).BuildAsync();
        var student = await Student("stu", null);
        var row = await new AcmContestRankBuilder(contest, student).Failed(1, 1).BuildAsync();
        var otherRow = await new AcmContestRankBuilder(other, student).Failed(1, 1).BuildAsync();
        await Client.LoginAsync(student);
        async Task<int> Accepted(Contest c) =>
            (await Client.GetAsync($"/api/contest_rank?contest_id={c.Id}")).Ok().GetProperty("results")[0].GetProperty("accepted_number").GetInt32();

        Assert.That(await Accepted(contest) + await Accepted(other), Is.Zero);
        await SetAcceptedAsync(row.Id, 1);
        await SetAcceptedAsync(otherRow.Id, 1);
        await using (var scope = CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContestRankService>().InvalidateRankAsync(contest.Id);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await Accepted(contest), Is.EqualTo(1));
            Assert.That(await Accepted(other), Is.Zero);
        });
    }

    [Test]
    public async Task Without_redis_the_rank_is_read_from_the_database()
    {
        var student = await Student("stu", "Real");
        await new AcmContestRankBuilder(contest, student).Accepted(1, 10).BuildAsync();
        await using var scope = CreateScope();
        await using var down = await ConnectionMultiplexer.ConnectAsync("127.0.0.1:1,abortConnect=false,connectTimeout=200,asyncTimeout=200,syncTimeout=200");
        var service = new ContestRankService(scope.ServiceProvider.GetRequiredService<OnlineJudge.Data.Contests.ContestRepository>(), RedisGuards.Around(down), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ContestRankService>.Instance);
        var gate = new OnlineJudge.Data.Contests.ContestGateDto(contest.Id, teacher.Id, null, contest.StartTime, contest.EndTime);

        var page = (await service.GetPageAsync(gate, null, new OnlineJudge.Data.Paging.PageRequest(10, 0), CancellationToken.None)).Data!;
        var user = System.Text.Json.JsonDocument.Parse(page.Results[0].Utf8).RootElement.GetProperty("user");
        Assert.Multiple(async () =>
        {
            Assert.That(page.Total, Is.EqualTo(1));
            Assert.That(user.GetProperty("username").GetString(), Is.EqualTo("stu"));
            Assert.That(user.GetProperty("real_name").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.DoesNotThrowAsync(() => service.InvalidateRankAsync(contest.Id));
            Assert.That((await service.DownloadAsync(gate, null, CancellationToken.None)).Data!.Content, Is.Not.Empty);
        });
    }

    [Test]
    public async Task An_empty_rank_is_cached_too()
    {
        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        var data = (await Client.GetAsync($"/api/contest_rank?contest_id={contest.Id}")).Ok();
        Assert.That(data.GetProperty("total").GetInt32(), Is.Zero);
        var redis = TestEnvironment.Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var version = (long)await redis.StringGetAsync(CacheKeys.ContestRankVersion(contest.Id));
        Assert.That(await redis.ListLengthAsync(CacheKeys.ContestRankSnapshot(contest.Id, version)), Is.EqualTo(1));
    }

    [Test]
    public async Task User_changes_can_invalidate_every_rank_the_user_is_in()
    {
        var student = await Student("stu", null);
        await new AcmContestRankBuilder(contest, student).Accepted(1, 10).BuildAsync();
        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        Assert.That((await Client.GetAsync($"/api/contest_rank?contest_id={contest.Id}")).Ok().GetProperty("total").GetInt32(), Is.EqualTo(1));

        await using (var db = TestEnvironment.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == student.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true));
        }

        await using (var scope = CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContestRankService>().InvalidateUserRanksAsync(student.Id);
        }

        Assert.That((await Client.GetAsync($"/api/contest_rank?contest_id={contest.Id}")).Ok().GetProperty("total").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task Download_is_a_spreadsheet_of_the_whole_rank()
    {
        var problemB = await ContestTestData.AddProblemAsync(contest, teacher, "B", "Second");
        var problemA = await ContestTestData.AddProblemAsync(contest, teacher, "A", "First");
        var hidden = await ContestTestData.AddProblemAsync(contest, teacher, "C", "Hidden", visible: false);
        var student = await Student("stu", "Li Si");
        var other = await Student("other", "Wang Wu");
        await new AcmContestRankBuilder(contest, student).Accepted(problemA.Id, 100).Failed(problemB.Id, 2).Accepted(hidden.Id, 50).BuildAsync();
        await new AcmContestRankBuilder(contest, other).Failed(problemA.Id, 1).BuildAsync();

        await Client.LoginAsync(teacher);
        using var response = await Client.Http.GetAsync($"/api/contest_rank?contest_id={contest.Id}&download_csv=1&limit=1");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/xlsx"));
            Assert.That(response.Content.Headers.NonValidated["Content-Disposition"].ToString(), Is.EqualTo($"attachment; filename=content-{contest.Id}-rank.xlsx"));
        });

        var rows = Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(3), "header and every row, not one page");
            Assert.That(rows[0], Is.EqualTo(new[] { "User ID", "Username", "Real Name", "AC", "Total Submission", "Total Time", "First", "Second" }));
            Assert.That(rows[1], Is.EqualTo(new[] { student.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "stu", "Li Si", "2", "4", "150", "True", "False" }));
            Assert.That(rows[2], Is.EqualTo(new[] { other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "other", "Wang Wu", "0", "1", "0", "False", "" }));
        });

        var student2 = NewClient();
        await student2.LoginAsync(student);
        var forStudent = Read(await (await student2.Http.GetAsync($"/api/contest_rank?contest_id={contest.Id}&download_csv=yes")).Content.ReadAsByteArrayAsync());
        Assert.That(forStudent[1][2], Is.EqualTo(""), "real names only for contest admins");
    }

    private static List<string[]> Read(byte[] content)
    {
        using var stream = new MemoryStream(content);
        return [.. MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .Select(row => row.Values.Select(v => v switch { null => "", string s => s, _ => throw new AssertionException($"non-string cell {v}") }).ToArray())];
    }

    private static async Task<User> Student(string username, string? realName)
    {
        var user = await new UserBuilder().WithUsername(username).BuildAsync();
        if (realName is not null)
        {
            await ContestTestData.SetRealNameAsync(user, realName);
        }

        return user;
    }

    private static async Task SetAcceptedAsync(int rankId, int accepted)
    {
        await using var db = TestEnvironment.CreateDbContext();
        await db.AcmContestRanks.Where(r => r.Id == rankId).ExecuteUpdateAsync(s => s.SetProperty(r => r.AcceptedNumber, accepted));
    }
}
