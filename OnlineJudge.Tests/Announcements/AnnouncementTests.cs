namespace OnlineJudge.Tests.Announcements;

/// <summary>announcement.md: the student list and detail, and the super admin's management.</summary>
public class AnnouncementTests : IntegrationTest
{
    private static async Task<Announcement> AddAsync(User author, string title, bool visible = true, bool top = false, DateTime? createTime = null,
        string content = "<p>content</p>", string tag = "公告")
    {
        var time = createTime ?? DateTime.UtcNow;
        var announcement = new Announcement
        {
            Title = title, Content = content, Tag = tag, Visible = visible, Top = top, CreatedById = author.Id, CreateTime = time,
            LastUpdateTime = time,
        };
        await using var db = TestEnvironment.CreateDbContext();
        db.Announcements.Add(announcement);
        await db.SaveChangesAsync();
        return announcement;
    }

    private static object Body(string title = "Exam", string tag = "公告", string content = "<p onclick=\"x()\">Hello</p><script>bad()</script>",
        bool visible = true, bool top = false) =>
        new { id = 0, title, tag, content, visible, top };

    private async Task<ApiClient> SuperAdminAsync()
    {
        var client = NewClient();
        await client.LoginAsync(await new UserBuilder().WithUsername("boss").AsSuperAdmin().BuildAsync());
        return client;
    }

    [Test]
    public async Task Students_see_visible_announcements_pinned_first_then_newest_without_content()
    {
        var author = await new UserBuilder().WithUsername("teacher1").AsSuperAdmin().BuildAsync();
        var now = DateTime.UtcNow;
        await AddAsync(author, "old", createTime: now.AddDays(-3));
        await AddAsync(author, "pinned", top: true, createTime: now.AddDays(-5));
        await AddAsync(author, "hidden", visible: false, createTime: now);
        await AddAsync(author, "new", createTime: now.AddDays(-1), tag: "更新");

        var data = (await Client.GetAsync("/api/announcement?limit=10&offset=0&paging=true")).Ok();
        var results = data.GetProperty("results").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(results.Select(r => r.GetProperty("title").GetString()), Is.EqualTo(new[] { "pinned", "new", "old" }));
            Assert.That(results[0].GetProperty("top").GetBoolean(), Is.True);
            Assert.That(results[1].GetProperty("tag").GetString(), Is.EqualTo("更新"));
            Assert.That(results[0].GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("teacher1"));
            Assert.That(results[0].GetProperty("created_by").GetProperty("id").GetInt32(), Is.EqualTo(author.Id));
            Assert.That(results[0].GetProperty("created_by").GetProperty("real_name").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(results[0].TryGetProperty("content", out _), Is.False);
            Assert.That(results[0].GetProperty("create_time").GetString(), Does.EndWith("+08:00"));
            Assert.That(results[0].TryGetProperty("last_update_time", out _), Is.True);
            Assert.That(results[0].TryGetProperty("visible", out _), Is.True);
        });

        var page = (await Client.GetAsync("/api/announcement?limit=1&offset=1")).Ok();
        Assert.That(page.GetProperty("results")[0].GetProperty("title").GetString(), Is.EqualTo("new"));

        // An empty id is no id: the list.
        Assert.That((await Client.GetAsync("/api/announcement?id=")).Ok().GetProperty("total").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task The_detail_of_a_visible_announcement_has_its_content_and_author()
    {
        var author = await new UserBuilder().WithUsername("author").AsSuperAdmin().BuildAsync();
        var announcement = await AddAsync(author, "detail", content: "<p>body</p>");

        var data = (await Client.GetAsync($"/api/announcement?id={announcement.Id}")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("id").GetInt32(), Is.EqualTo(announcement.Id));
            Assert.That(data.GetProperty("title").GetString(), Is.EqualTo("detail"));
            Assert.That(data.GetProperty("content").GetString(), Is.EqualTo("<p>body</p>"));
            Assert.That(data.GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("author"));
            Assert.That(data.GetProperty("tag").GetString(), Is.EqualTo("公告"));
        });
    }

    [Test]
    public async Task Hidden_unknown_or_malformed_ids_are_errors_for_students()
    {
        var author = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var hidden = await AddAsync(author, "hidden", visible: false);

        (await Client.GetAsync($"/api/announcement?id={hidden.Id}")).AssertError("error", "Announcement does not exist");
        (await Client.GetAsync("/api/announcement?id=999999")).AssertError("error", "Announcement does not exist");
        (await Client.GetAsync("/api/announcement?id=abc")).AssertError("invalid-id", "id: A valid integer is required.");
    }

    [Test]
    public async Task Super_admins_list_every_announcement_newest_first_with_content()
    {
        var author = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var now = DateTime.UtcNow;
        await AddAsync(author, "pinned-old", top: true, createTime: now.AddDays(-2));
        await AddAsync(author, "hidden-new", visible: false, createTime: now);
        await AddAsync(author, "middle", createTime: now.AddDays(-1));
        var admin = await SuperAdminAsync();

        var data = (await admin.GetAsync("/api/admin/announcement?paging=true&offset=0&limit=10")).Ok();
        var results = data.GetProperty("results").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(results.Select(r => r.GetProperty("title").GetString()), Is.EqualTo(new[] { "hidden-new", "middle", "pinned-old" }));
            Assert.That(results[0].GetProperty("content").GetString(), Is.EqualTo("<p>content</p>"));
            Assert.That(results[0].GetProperty("visible").GetBoolean(), Is.False);
            Assert.That(results[0].GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo(author.Username));
            Assert.That(results[0].TryGetProperty("last_update_time", out _), Is.True);
        });

        var visibleOnly = (await admin.GetAsync("/api/admin/announcement?visible=true")).Ok();
        Assert.That(visibleOnly.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("title").GetString()),
            Is.EqualTo(new[] { "middle", "pinned-old" }));
        var notFiltered = (await admin.GetAsync("/api/admin/announcement?visible=True")).Ok();
        Assert.That(notFiltered.GetProperty("total").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task Super_admins_read_hidden_announcements_by_id()
    {
        var author = await new UserBuilder().WithUsername("writer").AsSuperAdmin().BuildAsync();
        var hidden = await AddAsync(author, "hidden", visible: false);
        var admin = await SuperAdminAsync();

        var data = (await admin.GetAsync($"/api/admin/announcement?id={hidden.Id}")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("title").GetString(), Is.EqualTo("hidden"));
            Assert.That(data.GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("writer"));
        });
        (await admin.GetAsync("/api/admin/announcement?id=424242")).AssertError("error", "Announcement does not exist");
        (await admin.GetAsync("/api/admin/announcement?id=x1")).AssertError("invalid-id", "id: A valid integer is required.");
    }

    [Test]
    public async Task Creating_echoes_the_submitted_content_and_stores_it_sanitised()
    {
        var admin = await SuperAdminAsync();
        var data = (await admin.PostJsonAsync("/api/admin/announcement", Body(top: true))).Ok();
        var id = data.GetProperty("id").GetInt32();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("title").GetString(), Is.EqualTo("Exam"));
            Assert.That(data.GetProperty("content").GetString(), Is.EqualTo("<p onclick=\"x()\">Hello</p><script>bad()</script>"));
            Assert.That(data.GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("boss"));
            Assert.That(data.GetProperty("top").GetBoolean(), Is.True);
            Assert.That(data.GetProperty("visible").GetBoolean(), Is.True);
            Assert.That(data.GetProperty("create_time").GetString(), Is.EqualTo(data.GetProperty("last_update_time").GetString()));
        });

        var stored = (await Client.GetAsync($"/api/announcement?id={id}")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(stored.GetProperty("content").GetString(), Is.EqualTo("<p>Hello</p>"));
            Assert.That(stored.GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("boss"));
        });
    }

    [Test]
    public async Task Creating_validates_every_field()
    {
        var admin = await SuperAdminAsync();
        (await admin.PostJsonAsync("/api/admin/announcement", Body(title: new string('t', 65))))
            .AssertError("invalid-title", "title: Ensure this field has no more than 64 characters.");
        (await admin.PostJsonAsync("/api/admin/announcement", Body(tag: " ")))
            .AssertError("invalid-tag", "tag: This field may not be blank.");
        (await admin.PostJsonAsync("/api/admin/announcement", Body(content: "")))
            .AssertError("invalid-content", "content: This field may not be blank.");
        (await admin.PostJsonAsync("/api/admin/announcement", new { title = "t", tag = "公告", content = "c", top = false }))
            .AssertError("invalid-visible", "visible: This field is required.");
        (await admin.PostJsonAsync("/api/admin/announcement", new { title = "t", tag = "公告", content = "c", visible = "x", top = false }))
            .AssertError("invalid-visible", "visible: Must be a valid boolean.");

        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Announcements.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Writes_validate_before_the_super_admin_check()
    {
        var teacher = NewClient();
        await teacher.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        (await teacher.PostJsonAsync("/api/admin/announcement", new { })).AssertError("invalid-title", "title: This field is required.");
        (await teacher.PostJsonAsync("/api/admin/announcement", Body())).AssertError("permission-denied", "Please login first");
        (await teacher.SendAsync(HttpMethod.Put, "/api/admin/announcement", System.Net.Http.Json.JsonContent.Create(new { })))
            .AssertError("invalid-id", "id: This field is required.");
        (await teacher.SendAsync(HttpMethod.Put, "/api/admin/announcement", System.Net.Http.Json.JsonContent.Create(new { id = 1, title = "t", tag = "t", content = "c", visible = true, top = false })))
            .AssertError("permission-denied", "Please login first");

        var disabled = NewClient();
        await disabled.LoginAsync(await new UserBuilder().AsSuperAdmin().Disabled().BuildAsync());
        (await disabled.PostJsonAsync("/api/admin/announcement", Body())).AssertError("permission-denied", "Your account is disabled");

        var student = NewClient();
        await student.LoginAsync(await new UserBuilder().BuildAsync());
        (await student.PostJsonAsync("/api/admin/announcement", Body())).AssertError("login-required", "Please login in first");
        (await Client.PostJsonAsync("/api/admin/announcement", Body())).AssertError("login-required", "Please login in first");
    }

    [Test]
    public async Task Reading_the_admin_list_needs_a_super_admin()
    {
        var teacher = NewClient();
        await teacher.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        (await teacher.GetAsync("/api/admin/announcement")).AssertError("permission-denied", "Please login first");
        var studentAdmin = NewClient();
        await studentAdmin.LoginAsync(await new UserBuilder().AsStudentAdmin().BuildAsync());
        (await studentAdmin.GetAsync("/api/admin/announcement?id=1")).AssertError("permission-denied", "Please login first");
        var disabled = NewClient();
        await disabled.LoginAsync(await new UserBuilder().AsSuperAdmin().Disabled().BuildAsync());
        (await disabled.GetAsync("/api/admin/announcement")).AssertError("permission-denied", "Your account is disabled");
        (await Client.GetAsync("/api/admin/announcement")).AssertError("login-required", "Please login in first");
    }

    [Test]
    public async Task Editing_overwrites_the_fields_and_keeps_the_author()
    {
        var author = await new UserBuilder().WithUsername("original").AsSuperAdmin().BuildAsync();
        var announcement = await AddAsync(author, "before", createTime: DateTime.UtcNow.AddDays(-1));
        var admin = await SuperAdminAsync();

        var data = (await admin.SendAsync(HttpMethod.Put, "/api/admin/announcement", System.Net.Http.Json.JsonContent.Create(new
        {
            id = announcement.Id, title = "after", tag = "更新", content = "<p>new</p><iframe src=\"x\"></iframe>", visible = false, top = true,
        }))).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("id").GetInt32(), Is.EqualTo(announcement.Id));
            Assert.That(data.GetProperty("title").GetString(), Is.EqualTo("after"));
            Assert.That(data.GetProperty("content").GetString(), Is.EqualTo("<p>new</p><iframe src=\"x\"></iframe>"));
            Assert.That(data.GetProperty("created_by").GetProperty("username").GetString(), Is.EqualTo("original"));
            Assert.That(DateTimeOffset.Parse(data.GetProperty("last_update_time").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                Is.GreaterThan(DateTimeOffset.Parse(data.GetProperty("create_time").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        });

        await using var db = TestEnvironment.CreateDbContext();
        var stored = await db.Announcements.SingleAsync(a => a.Id == announcement.Id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.Title, Is.EqualTo("after"));
            Assert.That(stored.Tag, Is.EqualTo("更新"));
            Assert.That(stored.Content, Is.EqualTo("<p>new</p>"));
            Assert.That(stored.Visible, Is.False);
            Assert.That(stored.Top, Is.True);
            Assert.That(stored.CreatedById, Is.EqualTo(author.Id));
            Assert.That(stored.LastUpdateTime, Is.GreaterThan(stored.CreateTime));
        });
    }

    [Test]
    public async Task Editing_an_unknown_announcement_is_an_error()
    {
        var admin = await SuperAdminAsync();
        (await admin.SendAsync(HttpMethod.Put, "/api/admin/announcement", System.Net.Http.Json.JsonContent.Create(new
        {
            id = 987654, title = "t", tag = "t", content = "c", visible = true, top = false,
        }))).AssertError("error", "Announcement does not exist");
    }

    [Test]
    public async Task Deleting_removes_the_announcement_and_ignores_missing_or_unknown_ids()
    {
        var author = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var announcement = await AddAsync(author, "doomed");
        var admin = await SuperAdminAsync();

        Assert.That((await admin.SendAsync(HttpMethod.Delete, $"/api/admin/announcement?id={announcement.Id}", null)).Ok().ValueKind, Is.EqualTo(JsonValueKind.Null));
        (await admin.SendAsync(HttpMethod.Delete, "/api/admin/announcement?id=999999", null)).Ok();
        (await admin.SendAsync(HttpMethod.Delete, "/api/admin/announcement", null)).Ok();
        (await admin.SendAsync(HttpMethod.Delete, "/api/admin/announcement?id=abc", null)).AssertError("invalid-id", "id: A valid integer is required.");

        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Announcements.AnyAsync(), Is.False);
    }

    [Test]
    public async Task Deleting_needs_a_super_admin_and_the_csrf_token()
    {
        var author = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var announcement = await AddAsync(author, "kept");
        var teacher = NewClient();
        await teacher.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        (await teacher.SendAsync(HttpMethod.Delete, $"/api/admin/announcement?id={announcement.Id}", null)).AssertError("permission-denied", "Please login first");

        var admin = await SuperAdminAsync();
        var noCsrf = await admin.SendAsync(HttpMethod.Delete, $"/api/admin/announcement?id={announcement.Id}", null, csrf: false);
        Assert.That(noCsrf.Status, Is.EqualTo(HttpStatusCode.Forbidden));

        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Announcements.CountAsync(), Is.EqualTo(1));
    }
}
