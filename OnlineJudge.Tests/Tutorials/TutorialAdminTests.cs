using System.Net.Http.Json;

namespace OnlineJudge.Tests.Tutorials;

/// <summary>tutorial.md §2.1–§2.5: super admins manage tutorials.</summary>
public class TutorialAdminTests : IntegrationTest
{
    private async Task<(ApiClient Client, User User)> SuperAdminAsync()
    {
        var user = await new UserBuilder().WithUsername("boss").AsSuperAdmin().BuildAsync();
        var client = NewClient();
        await client.LoginAsync(user);
        return (client, user);
    }

    private static Task<ApiResponse> PutAsync(ApiClient client, string url, object body) =>
        client.SendAsync(HttpMethod.Put, url, JsonContent.Create(body));

    [Test]
    public async Task The_list_groups_every_tutorial_by_language_without_content()
    {
        var (admin, boss) = await SuperAdminAsync();
        await new TutorialBuilder(boss).WithTitle("p2").WithOrder(2).BuildAsync();
        await new TutorialBuilder(boss).WithTitle("p1 hidden").WithOrder(1).Hidden().BuildAsync();
        await new TutorialBuilder(boss).WithTitle("c1").OfType(TutorialType.C).BuildAsync();
        await new TutorialBuilder(boss).WithTitle("java").OfType("java").BuildAsync();

        var data = (await admin.GetAsync("/api/admin/tutorial")).Ok();
        var python = data.GetProperty("python").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(data.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "python", "c" }));
            Assert.That(python.Select(t => t.GetProperty("title").GetString()), Is.EqualTo(new[] { "p1 hidden", "p2" }));
            Assert.That(python[0].GetProperty("is_public").GetBoolean(), Is.False);
            Assert.That(python[0].GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("boss"));
            Assert.That(python[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
            {
                "id", "title", "created_by", "created_at", "updated_at", "is_public", "order", "type",
            }));
            Assert.That(data.GetProperty("c").EnumerateArray().Select(t => t.GetProperty("title").GetString()), Is.EqualTo(new[] { "c1" }));
        });
    }

    [Test]
    public async Task Any_tutorial_is_read_by_id()
    {
        var (admin, boss) = await SuperAdminAsync();
        var hidden = await new TutorialBuilder(boss).WithTitle("draft").Hidden().WithCode("print(1)").BuildAsync();

        var data = (await admin.GetAsync($"/api/admin/tutorial?id={hidden.Id}")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("title").GetString(), Is.EqualTo("draft"));
            Assert.That(data.GetProperty("is_public").GetBoolean(), Is.False);
            Assert.That(data.GetProperty("code").GetString(), Is.EqualTo("print(1)"));
        });
        (await admin.GetAsync("/api/admin/tutorial?id=99999")).AssertError("error", "Tutorial does not exist");
        (await admin.GetAsync("/api/admin/tutorial?id=x")).AssertError("invalid-id", "id: A valid integer is required.");
    }

    [Test]
    public async Task Creating_stores_the_markdown_as_sent_with_defaults_for_left_out_fields()
    {
        var (admin, _) = await SuperAdminAsync();
        var content = "  ## Title\n\n<b>bold</b> [[exercise:3]]\n\n";

        var data = (await admin.PostJsonAsync("/api/admin/tutorial", new { title = "  Intro  ", content, ignored = 1 })).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("title").GetString(), Is.EqualTo("Intro"));
            Assert.That(data.GetProperty("content").GetString(), Is.EqualTo(content));
            Assert.That(data.GetProperty("is_public").GetBoolean(), Is.False);
            Assert.That(data.GetProperty("order").GetInt32(), Is.Zero);
            Assert.That(data.GetProperty("type").GetString(), Is.EqualTo("python"));
            Assert.That(data.GetProperty("code").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(data.GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("boss"));
            Assert.That(data.GetProperty("created_at").GetString(), Is.EqualTo(data.GetProperty("updated_at").GetString()));
        });

        var full = (await admin.PostJsonAsync("/api/admin/tutorial",
            new { title = "C", content = "x", is_public = true, order = -4, type = "c", code = "  int x;\n" })).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(full.GetProperty("is_public").GetBoolean(), Is.True);
            Assert.That(full.GetProperty("order").GetInt32(), Is.EqualTo(-4));
            Assert.That(full.GetProperty("type").GetString(), Is.EqualTo("c"));
            Assert.That(full.GetProperty("code").GetString(), Is.EqualTo("  int x;\n"));
        });
        var stored = (await Client.GetAsync($"/api/tutorial?id={full.GetProperty("id").GetInt32()}")).Ok();
        Assert.That(stored.GetProperty("code").GetString(), Is.EqualTo("  int x;\n"));
    }

    [Test]
    public async Task Creating_validates_every_field()
    {
        var (admin, _) = await SuperAdminAsync();
        (await admin.PostJsonAsync("/api/admin/tutorial", new { content = "c" })).AssertError("invalid-title", "title: This field is required.");
        (await admin.PostJsonAsync("/api/admin/tutorial", new { title = " ", content = "c" }))
            .AssertError("invalid-title", "title: This field may not be blank.");
        (await admin.PostJsonAsync("/api/admin/tutorial", new { title = new string('t', 129), content = "c" }))
            .AssertError("invalid-title", "title: Ensure this field has no more than 128 characters.");
        (await admin.PostJsonAsync("/api/admin/tutorial", new { title = "t" })).AssertError("invalid-content", "content: This field is required.");
        (await admin.PostJsonAsync("/api/admin/tutorial", new { title = "t", content = " \n " }))
            .AssertError("invalid-content", "content: This field may not be blank.");
        (await admin.PostJsonAsync("/api/admin/tutorial", new { title = "t", content = "c", type = "x" }))
            .AssertError("invalid-type", "type: \"x\" is not a valid choice.");
        (await admin.PostJsonAsync("/api/admin/tutorial", new { title = "t", content = "c", order = 2147483648L }))
            .AssertError("invalid-order", "order: Ensure this value is less than or equal to 2147483647.");
        (await admin.PostJsonAsync("/api/admin/tutorial", new { title = "t", content = "c", is_public = "maybe" }))
            .AssertError("invalid-is_public", "is_public: Must be a valid boolean.");

        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Tutorials.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Updating_changes_only_the_sent_fields()
    {
        var (admin, boss) = await SuperAdminAsync();
        var tutorial = await new TutorialBuilder(boss).WithTitle("old").OfType(TutorialType.C).WithOrder(5).WithCode("code")
            .CreatedAt(DateTime.UtcNow.AddDays(-1)).BuildAsync();

        var data = (await PutAsync(admin, "/api/admin/tutorial", new { id = tutorial.Id, title = "new", content = "body" })).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("title").GetString(), Is.EqualTo("new"));
            Assert.That(data.GetProperty("content").GetString(), Is.EqualTo("body"));
            Assert.That(data.GetProperty("type").GetString(), Is.EqualTo("c"));
            Assert.That(data.GetProperty("order").GetInt32(), Is.EqualTo(5));
            Assert.That(data.GetProperty("code").GetString(), Is.EqualTo("code"));
            Assert.That(data.GetProperty("is_public").GetBoolean(), Is.True);
            Assert.That(data.GetProperty("updated_at").GetString(), Is.Not.EqualTo(data.GetProperty("created_at").GetString()));
        });

        var all = (await PutAsync(admin, "/api/admin/tutorial",
            new { id = tutorial.Id, title = "t", content = "c", is_public = false, order = 1, type = "python", code = (string?)null })).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(all.GetProperty("type").GetString(), Is.EqualTo("python"));
            Assert.That(all.GetProperty("order").GetInt32(), Is.EqualTo(1));
            Assert.That(all.GetProperty("is_public").GetBoolean(), Is.False);
            Assert.That(all.GetProperty("code").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });

        (await PutAsync(admin, "/api/admin/tutorial", new { id = tutorial.Id, title = "t" }))
            .AssertError("invalid-content", "content: This field is required.");
        (await PutAsync(admin, "/api/admin/tutorial", new { id = 999999, title = "t", content = "c" })).AssertError("error", "Tutorial does not exist");
        (await PutAsync(admin, "/api/admin/tutorial", new { title = "t", content = "c" })).AssertError("invalid-id", "id: This field is required.");
    }

    [Test]
    public async Task Deleting_removes_the_tutorial_with_its_exercises_and_ignores_unknown_ids()
    {
        var (admin, boss) = await SuperAdminAsync();
        var tutorial = await new TutorialBuilder(boss).BuildAsync();
        await new ExerciseBuilder(tutorial).BuildAsync();
        var kept = await new TutorialBuilder(boss).BuildAsync();
        await new ExerciseBuilder(kept).BuildAsync();

        Assert.That((await admin.SendAsync(HttpMethod.Delete, $"/api/admin/tutorial?id={tutorial.Id}", null)).Ok().ValueKind,
            Is.EqualTo(JsonValueKind.Null));
        (await admin.SendAsync(HttpMethod.Delete, "/api/admin/tutorial?id=424242", null)).Ok();
        (await admin.SendAsync(HttpMethod.Delete, "/api/admin/tutorial", null)).Ok();
        (await admin.SendAsync(HttpMethod.Delete, "/api/admin/tutorial?id=x", null)).AssertError("invalid-id", "id: A valid integer is required.");

        await using var db = TestEnvironment.CreateDbContext();
        Assert.Multiple(async () =>
        {
            Assert.That(await db.Tutorials.Select(t => t.Id).ToListAsync(), Is.EqualTo(new[] { kept.Id }));
            Assert.That(await db.Exercises.Select(e => e.TutorialId).ToListAsync(), Is.EqualTo(new[] { kept.Id }));
        });
    }

    [Test]
    public async Task Visibility_takes_what_a_boolean_column_takes()
    {
        var (admin, boss) = await SuperAdminAsync();
        var tutorial = await new TutorialBuilder(boss).Hidden().CreatedAt(DateTime.UtcNow.AddDays(-1)).BuildAsync();

        var shown = (await PutAsync(admin, "/api/admin/tutorial/visibility", new { id = tutorial.Id, is_public = true })).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(shown.GetProperty("is_public").GetBoolean(), Is.True);
            Assert.That(shown.GetProperty("content").GetString(), Is.EqualTo(tutorial.Content));
            Assert.That(shown.GetProperty("updated_at").GetString(), Is.Not.EqualTo(shown.GetProperty("created_at").GetString()));
        });
        Assert.That((await PutAsync(admin, "/api/admin/tutorial/visibility", new { id = tutorial.Id, is_public = 0 })).Ok()
            .GetProperty("is_public").GetBoolean(), Is.False);
        Assert.That((await PutAsync(admin, "/api/admin/tutorial/visibility", new { id = $"{tutorial.Id}", is_public = "True" })).Ok()
            .GetProperty("is_public").GetBoolean(), Is.True);
        Assert.That((await PutAsync(admin, "/api/admin/tutorial/visibility", new { id = tutorial.Id, is_public = "f" })).Ok()
            .GetProperty("is_public").GetBoolean(), Is.False);

        (await PutAsync(admin, "/api/admin/tutorial/visibility", new { id = tutorial.Id })).AssertError("error", "Invalid parameter");
        (await PutAsync(admin, "/api/admin/tutorial/visibility", new { id = (int?)null, is_public = true })).AssertError("error", "Invalid parameter");
        (await PutAsync(admin, "/api/admin/tutorial/visibility", new { id = 424242, is_public = true })).AssertError("error", "Tutorial does not exist");
        (await PutAsync(admin, "/api/admin/tutorial/visibility", new { id = tutorial.Id, is_public = "true" }))
            .AssertError("invalid-is_public", "is_public: Must be a valid boolean.");
        (await PutAsync(admin, "/api/admin/tutorial/visibility", new { id = "abc", is_public = true }))
            .AssertError("invalid-id", "id: A valid integer is required.");
    }

    [Test]
    public async Task Only_super_admins_manage_tutorials_and_writes_validate_first()
    {
        var boss = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var tutorial = await new TutorialBuilder(boss).BuildAsync();
        var teacher = NewClient();
        await teacher.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());

        (await teacher.GetAsync("/api/admin/tutorial")).AssertError("permission-denied", "Please login first");
        (await teacher.PostJsonAsync("/api/admin/tutorial", new { })).AssertError("invalid-title", "title: This field is required.");
        (await teacher.PostJsonAsync("/api/admin/tutorial", new { title = "t", content = "c" })).AssertError("permission-denied", "Please login first");
        (await PutAsync(teacher, "/api/admin/tutorial", new { id = tutorial.Id, title = "t", content = "c" }))
            .AssertError("permission-denied", "Please login first");
        (await PutAsync(teacher, "/api/admin/tutorial/visibility", new { id = tutorial.Id, is_public = false }))
            .AssertError("permission-denied", "Please login first");
        (await teacher.SendAsync(HttpMethod.Delete, $"/api/admin/tutorial?id={tutorial.Id}", null)).AssertError("permission-denied", "Please login first");

        var disabled = NewClient();
        await disabled.LoginAsync(await new UserBuilder().AsSuperAdmin().Disabled().BuildAsync());
        (await disabled.GetAsync("/api/admin/tutorial")).AssertError("permission-denied", "Your account is disabled");

        var student = NewClient();
        await student.LoginAsync(await new UserBuilder().BuildAsync());
        (await student.GetAsync("/api/admin/tutorial")).AssertError("login-required", "Please login in first");
        (await Client.GetAsync("/api/admin/tutorial")).AssertError("login-required", "Please login in first");

        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Tutorials.SingleAsync(), Has.Property(nameof(Tutorial.IsPublic)).True);
    }
}
