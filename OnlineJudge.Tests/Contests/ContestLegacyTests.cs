using System.IO.Compression;
using System.Net.Http.Json;

namespace OnlineJudge.Tests.Contests;

/// <summary>contest.md §5: legacy contest announcements and the submissions download.</summary>
public class ContestLegacyTests : IntegrationTest
{
    [Test]
    public async Task Super_admin_manages_contest_announcements()
    {
        var super = await new UserBuilder().WithUsername("root").AsSuperAdmin().BuildAsync();
        var contest = await new ContestBuilder(super).BuildAsync();
        await Client.LoginAsync(super);

        var created = (await Client.PostJsonAsync("/api/admin/contest/announcement",
            new { contest_id = contest.Id, title = "Notice", content = "<p>hi</p><script>x()</script>", visible = true })).Ok();
        var id = created.GetProperty("id").GetInt32();
        Assert.Multiple(() =>
        {
            Assert.That(created.GetProperty("contest").GetInt32(), Is.EqualTo(contest.Id));
            Assert.That(created.GetProperty("title").GetString(), Is.EqualTo("Notice"));
            Assert.That(created.GetProperty("content").GetString(), Is.EqualTo("<p>hi</p><script>x()</script>"), "the write answers with the input");
            Assert.That(created.GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("root"));
            Assert.That(created.GetProperty("visible").GetBoolean(), Is.True);
            Assert.That(created.GetProperty("create_time").GetString(), Does.EndWith("+08:00"));
        });

        var one = (await Client.GetAsync($"/api/admin/contest/announcement?id={id}")).Ok();
        Assert.That(one.GetProperty("content").GetString(), Does.Not.Contain("<script>"));

        var edited = await Client.SendAsync(HttpMethod.Put, "/api/admin/contest/announcement", JsonContent.Create(new { id, visible = false, content = "" }));
        Assert.That(edited.Ok().ValueKind, Is.EqualTo(JsonValueKind.Null));
        one = (await Client.GetAsync($"/api/admin/contest/announcement?id={id}")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(one.GetProperty("title").GetString(), Is.EqualTo("Notice"));
            Assert.That(one.GetProperty("content").GetString(), Is.EqualTo(""));
            Assert.That(one.GetProperty("visible").GetBoolean(), Is.False);
        });

        await Client.PostJsonAsync("/api/admin/contest/announcement", new { contest_id = contest.Id, title = "Other", content = "c", visible = true });
        var list = (await Client.GetAsync($"/api/admin/contest/announcement?contest_id={contest.Id}")).Ok();
        Assert.That(list.EnumerateArray().Select(a => a.GetProperty("title").GetString()), Is.EqualTo(new[] { "Other", "Notice" }));
        var filtered = (await Client.GetAsync($"/api/admin/contest/announcement?contest_id={contest.Id}&keyword=Not")).Ok();
        Assert.That(filtered.GetArrayLength(), Is.EqualTo(1));

        Assert.That((await Client.SendAsync(HttpMethod.Delete, $"/api/admin/contest/announcement?id={id}", null)).Ok().ValueKind, Is.EqualTo(JsonValueKind.Null));
        (await Client.GetAsync($"/api/admin/contest/announcement?id={id}")).AssertError("error", "Contest announcement does not exist");
        (await Client.SendAsync(HttpMethod.Delete, "/api/admin/contest/announcement?id=99999", null)).Ok();
    }

    [Test]
    public async Task Contest_announcement_errors_and_permissions()
    {
        var super = await new UserBuilder().AsSuperAdmin().BuildAsync();
        await Client.LoginAsync(super);
        (await Client.GetAsync("/api/admin/contest/announcement")).AssertError("error", "Parameter error");
        (await Client.PostJsonAsync("/api/admin/contest/announcement", new { contest_id = 99999, title = "t", content = "c", visible = true }))
            .AssertError("error", "Contest does not exist");
        (await Client.SendAsync(HttpMethod.Put, "/api/admin/contest/announcement", JsonContent.Create(new { id = 99999 })))
            .AssertError("error", "Contest announcement does not exist");

        var teacher = NewClient();
        await teacher.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        (await teacher.GetAsync("/api/admin/contest/announcement?contest_id=1")).AssertError("permission-denied", "Please login first");
        (await teacher.PostJsonAsync("/api/admin/contest/announcement", new { title = "t" }))
            .AssertError("invalid-contest_id", "contest_id: This field is required.");
        (await teacher.PostJsonAsync("/api/admin/contest/announcement", new { contest_id = 1, title = "t", content = "c", visible = true }))
            .AssertError("permission-denied", "Please login first");
        (await teacher.SendAsync(HttpMethod.Delete, "/api/admin/contest/announcement?id=1", null)).AssertError("permission-denied", "Please login first");
    }

    [Test]
    public async Task Students_read_visible_announcements_through_the_contest_gate()
    {
        var super = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var contest = await new ContestBuilder(super).BuildAsync();
        int first, second;
        await using (var db = TestEnvironment.CreateDbContext())
        {
            var announcements = new[]
            {
                new ContestAnnouncement { ContestId = contest.Id, Title = "One", Content = "1", CreatedById = super.Id, Visible = true, CreateTime = DateTime.UtcNow.AddMinutes(-2) },
                new ContestAnnouncement { ContestId = contest.Id, Title = "Two", Content = "2", CreatedById = super.Id, Visible = true, CreateTime = DateTime.UtcNow.AddMinutes(-1) },
                new ContestAnnouncement { ContestId = contest.Id, Title = "Hidden", Content = "3", CreatedById = super.Id, Visible = false, CreateTime = DateTime.UtcNow },
            };
            db.ContestAnnouncements.AddRange(announcements);
            await db.SaveChangesAsync();
            (first, second) = (announcements[0].Id, announcements[1].Id);
        }

        (await Client.GetAsync($"/api/contest/announcement?contest_id={contest.Id}")).AssertError("permission-denied", "Please login first");
        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        var all = (await Client.GetAsync($"/api/contest/announcement?contest_id={contest.Id}")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(all.EnumerateArray().Select(a => a.GetProperty("id").GetInt32()), Is.EqualTo(new[] { second, first }));
            Assert.That(all[0].GetProperty("created_by").GetProperty("id").GetInt32(), Is.EqualTo(super.Id));
        });
        var newer = (await Client.GetAsync($"/api/contest/announcement?contest_id={contest.Id}&max_id={first}")).Ok();
        Assert.That(newer.EnumerateArray().Select(a => a.GetProperty("id").GetInt32()), Is.EqualTo(new[] { second }));
    }

    [Test]
    public async Task Download_submissions_zips_the_latest_accepted_code_per_user_and_problem()
    {
        var super = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var contest = await new ContestBuilder(super).BuildAsync();
        var a = await ContestTestData.AddProblemAsync(contest, super, "A", "Alpha");
        var b = await ContestTestData.AddProblemAsync(contest, super, "B", "Beta");
        var stu = await new UserBuilder().WithUsername("stu").BuildAsync();
        var admin = await new UserBuilder().WithUsername("helper").AsStudentAdmin().BuildAsync();
        var now = DateTime.UtcNow;
        await ContestTestData.AddSubmissionAsync(contest, a, stu, JudgeStatus.Accepted, "old", now.AddMinutes(-10));
        await ContestTestData.AddSubmissionAsync(contest, a, stu, JudgeStatus.Accepted, "new", now.AddMinutes(-5));
        await ContestTestData.AddSubmissionAsync(contest, a, stu, JudgeStatus.WrongAnswer, "wrong", now.AddMinutes(-1));
        await ContestTestData.AddSubmissionAsync(contest, b, stu, JudgeStatus.AstCheckFailed, "ast", now.AddMinutes(-3));
        await ContestTestData.AddSubmissionAsync(contest, b, admin, JudgeStatus.Accepted, "admin code", now.AddMinutes(-3));

        await Client.LoginAsync(super);
        var all = await Download($"/api/admin/download_submissions?contest_id={contest.Id}");
        Assert.That(all, Is.EqualTo(new Dictionary<string, string> { ["stu_A.txt"] = "new", ["stu_B.txt"] = "ast", ["helper_B.txt"] = "admin code" }));
        var students = await Download($"/api/admin/download_submissions?contest_id={contest.Id}&exclude_admin=1");
        Assert.That(students.Keys, Is.EquivalentTo(new[] { "stu_A.txt", "stu_B.txt" }));

        (await Client.GetAsync("/api/admin/download_submissions")).AssertError("error", "Parameter error");
        (await Client.GetAsync("/api/admin/download_submissions?contest_id=99999")).AssertError("error", "Contest does not exist");
        var teacher = NewClient();
        await teacher.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        (await teacher.GetAsync($"/api/admin/download_submissions?contest_id={contest.Id}")).AssertError("permission-denied", "Please login first");
    }

    private async Task<Dictionary<string, string>> Download(string url)
    {
        using var response = await Client.Http.GetAsync(url);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/zip"));
            Assert.That(response.Content.Headers.NonValidated["Content-Disposition"].ToString(), Does.Match("^attachment;filename=[0-9a-f]{32}\\.zip$"));
        });
        await using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        var files = new Dictionary<string, string>();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(await entry.OpenAsync());
            files[entry.FullName] = await reader.ReadToEndAsync();
        }

        return files;
    }
}
