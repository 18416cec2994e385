namespace OnlineJudge.Tests.Ai;

/// <summary>The pinned report (ai.md §1.5) and the admin reports with pin toggling (§3).</summary>
public class AiReportTests : IntegrationTest
{
    [Test]
    public async Task A_student_sees_their_pinned_report_or_null()
    {
        var student = await new UserBuilder().InClass("251").BuildAsync();
        await new AiAnalysisBuilder(student).BuildAsync();
        await Client.LoginAsync(student);
        Assert.That((await Client.GetAsync("/api/ai/pinned")).Ok().ValueKind, Is.EqualTo(JsonValueKind.Null));

        var pinned = await new AiAnalysisBuilder(student).WithAnalysis("置顶的分析").Pinned().BuildAsync();
        var data = (await Client.GetAsync("/api/ai/pinned")).Ok();

        Assert.Multiple(async () =>
        {
            Assert.That(data.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "create_time", "username", "class_name", "analysis" }));
            Assert.That(data.GetProperty("id").GetInt64(), Is.EqualTo(pinned.Id));
            Assert.That(data.GetProperty("class_name").GetString(), Is.EqualTo("251"));
            Assert.That(data.GetProperty("analysis").GetString(), Is.EqualTo("置顶的分析"));
            (await NewClient().GetAsync("/api/ai/pinned")).AssertError("permission-denied", "Please login first");
        });
    }

    [Test]
    public async Task Teachers_list_reports_newest_first_with_excerpts_and_filters()
    {
        var alice = await new UserBuilder().WithUsername("ks251alice").BuildAsync();
        var bob = await new UserBuilder().WithUsername("ks252bob").BuildAsync();
        var old = await new AiAnalysisBuilder(alice).WithAnalysis("  第一行\n\n  第二行\t结束 ").CreatedAt(DateTime.UtcNow.AddHours(-2)).Pinned().BuildAsync();
        var longOne = await new AiAnalysisBuilder(bob).WithAnalysis(new string('长', 130)).CreatedAt(DateTime.UtcNow.AddHours(-1)).BuildAsync();
        await Client.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());

        var page = (await Client.GetAsync("/api/admin/ai/reports?paging=true&offset=0&limit=10")).Ok();
        var filtered = (await Client.GetAsync("/api/admin/ai/reports?limit=10&username=KS251")).Ok();
        var pinned = (await Client.GetAsync("/api/admin/ai/reports?pinned_only=true")).Ok();
        var detail = (await Client.GetAsync($"/api/admin/ai/reports?id={old.Id}")).Ok();

        Assert.Multiple(async () =>
        {
            Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(2));
            var first = page.GetProperty("results")[0];
            Assert.That(first.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "create_time", "username", "analysis_excerpt", "is_pinned" }));
            Assert.That(first.GetProperty("id").GetInt64(), Is.EqualTo(longOne.Id));
            Assert.That(first.GetProperty("analysis_excerpt").GetString(), Is.EqualTo(new string('长', 120) + "…"));
            Assert.That(page.GetProperty("results")[1].GetProperty("analysis_excerpt").GetString(), Is.EqualTo("第一行 第二行 结束"));
            Assert.That(filtered.GetProperty("total").GetInt32(), Is.EqualTo(1));
            Assert.That(pinned.ValueKind, Is.EqualTo(JsonValueKind.Array));
            Assert.That(pinned.GetArrayLength(), Is.EqualTo(1));
            Assert.That(pinned[0].GetProperty("is_pinned").GetBoolean(), Is.True);
            Assert.That(detail.GetProperty("username").GetString(), Is.EqualTo("ks251alice"));
            Assert.That(detail.GetProperty("analysis").GetString(), Is.EqualTo("  第一行\n\n  第二行\t结束 "));
            (await Client.GetAsync("/api/admin/ai/reports?id=99999999")).AssertError("error", "AIAnalysis not found");
            (await Client.GetAsync("/api/admin/ai/reports?id=abc")).AssertError("invalid-id", "id: A valid integer is required.");
        });
    }

    [Test]
    public async Task Pinning_keeps_one_pinned_report_per_student_and_toggles()
    {
        var alice = await new UserBuilder().BuildAsync();
        var first = await new AiAnalysisBuilder(alice).Pinned().BuildAsync();
        var second = await new AiAnalysisBuilder(alice).BuildAsync();
        var student = NewClient();
        await student.LoginAsync(await new UserBuilder().AsStudentAdmin().BuildAsync());
        await Client.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());

        var pinned = (await Client.PostJsonAsync("/api/admin/ai/reports", new { id = second.Id })).Ok();
        await using (var db = TestEnvironment.CreateDbContext())
        {
            Assert.That(await db.AiAnalyses.Where(a => a.IsPinned).Select(a => a.Id).ToListAsync(), Is.EqualTo(new[] { second.Id }));
        }

        var unpinned = (await Client.PostJsonAsync("/api/admin/ai/reports", new { id = second.Id })).Ok();

        Assert.Multiple(async () =>
        {
            Assert.That(pinned.GetRawText(), Is.EqualTo("""{"is_pinned":true}"""));
            Assert.That(unpinned.GetRawText(), Is.EqualTo("""{"is_pinned":false}"""));
            await using var db = TestEnvironment.CreateDbContext();
            Assert.That(await db.AiAnalyses.AnyAsync(a => a.IsPinned), Is.False, $"{first.Id} was unpinned by the first toggle");
            (await Client.PostJsonAsync("/api/admin/ai/reports", new { })).AssertError("error", "AIAnalysis not found");
            (await Client.PostJsonAsync("/api/admin/ai/reports", new { id = 99999999 })).AssertError("error", "AIAnalysis not found");
            (await student.PostJsonAsync("/api/admin/ai/reports", new { id = second.Id })).AssertError("permission-denied", "Please login first");
            (await student.GetAsync("/api/admin/ai/reports")).AssertError("permission-denied", "Please login first");
        });
    }
}
