using System.Net.Http.Headers;
using SkiaSharp;

namespace OnlineJudge.Tests.Account;

/// <summary>account.md A4–A8: profile read and edit, avatar upload, display-id refresh, metrics.</summary>
public class ProfileTests : IntegrationTest
{
    [Test]
    public async Task Anonymous_callers_get_null_and_a_csrf_cookie()
    {
        await new UserBuilder().WithUsername("someone").BuildAsync();
        var response = await Client.GetAsync("/api/profile?username=someone");

        Assert.That(response.Ok().ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(Client.Cookie("csrftoken"), Has.Length.EqualTo(32));
        var token = Client.Cookie("csrftoken");
        await Client.GetAsync("/api/profile");
        Assert.That(Client.Cookie("csrftoken"), Is.EqualTo(token), "an existing token is kept");
    }

    [Test]
    public async Task The_own_profile_has_every_field_and_the_real_name()
    {
        var user = await new UserBuilder().WithUsername("ks251amy").WithEmail("amy@example.com").BuildAsync();
        await AccountTestData.UpdateUserAsync(user.Id, u => u.ClassName = "251");
        await AccountTestData.UpdateProfileAsync(user.Id, p =>
        {
            p.RealName = "Amy";
            p.Mood = "ok";
            p.AcceptedNumber = 3;
            p.SubmissionNumber = 7;
            p.AcmProblemsStatus = new AcmProblemsStatus { Problems = new() { ["5"] = new ProblemStatusEntry { Status = 0, DisplayId = "p5" } } };
        });
        await Client.LoginAsync(user);

        var data = (await Client.GetAsync("/api/profile")).Ok();

        Assert.That(data.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[]
        {
            "id", "user", "real_name", "acm_problems_status", "avatar", "blog", "mood", "github", "school", "major", "language",
            "accepted_number", "submission_number",
        }));
        var u = data.GetProperty("user");
        Assert.That(u.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[]
        {
            "id", "username", "email", "admin_type", "problem_permission", "create_time", "last_login", "open_api", "is_disabled", "class_name",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("id").GetInt32(), Is.EqualTo(user.Profile!.Id));
            Assert.That(data.GetProperty("real_name").GetString(), Is.EqualTo("Amy"));
            Assert.That(data.GetProperty("avatar").GetString(), Is.EqualTo("/public/avatar/default.png"));
            Assert.That(data.GetProperty("mood").GetString(), Is.EqualTo("ok"));
            Assert.That(data.GetProperty("accepted_number").GetInt32(), Is.EqualTo(3));
            Assert.That(data.GetProperty("submission_number").GetInt32(), Is.EqualTo(7));
            Assert.That(data.GetProperty("acm_problems_status").GetProperty("problems").GetProperty("5").GetProperty("_id").GetString(), Is.EqualTo("p5"));
            Assert.That(data.GetProperty("acm_problems_status").GetProperty("problems").GetProperty("5").GetProperty("status").GetInt32(), Is.Zero);
            Assert.That(u.GetProperty("id").GetInt32(), Is.EqualTo(user.Id));
            Assert.That(u.GetProperty("username").GetString(), Is.EqualTo("ks251amy"));
            Assert.That(u.GetProperty("email").GetString(), Is.EqualTo("amy@example.com"));
            Assert.That(u.GetProperty("admin_type").GetString(), Is.EqualTo("Regular User"));
            Assert.That(u.GetProperty("problem_permission").GetString(), Is.EqualTo("None"));
            Assert.That(u.GetProperty("create_time").GetString(), Does.EndWith("+08:00"));
            Assert.That(u.GetProperty("last_login").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(u.GetProperty("open_api").GetBoolean(), Is.False);
            Assert.That(u.GetProperty("is_disabled").GetBoolean(), Is.False);
            Assert.That(u.GetProperty("class_name").GetString(), Is.EqualTo("251"));
        });
    }

    [Test]
    public async Task A_new_users_problem_status_is_an_empty_object()
    {
        var user = await new UserBuilder().BuildAsync();
        await Client.LoginAsync(user);
        Assert.That((await Client.GetAsync("/api/profile")).Ok().GetProperty("acm_problems_status").GetRawText(), Is.EqualTo("{}"));
    }

    [Test]
    public async Task Other_profiles_are_found_by_exact_username_without_real_name()
    {
        var me = await new UserBuilder().WithUsername("me").BuildAsync();
        var other = await new UserBuilder().WithUsername("Other").BuildAsync();
        await new UserBuilder().WithUsername("gone").Disabled().BuildAsync();
        await AccountTestData.UpdateProfileAsync(other.Id, p => p.RealName = "Secret Name");
        await AccountTestData.UpdateProfileAsync(me.Id, p => p.RealName = "My Name");
        await Client.LoginAsync(me);

        var data = (await Client.GetAsync("/api/profile?username=Other")).Ok();
        var own = (await Client.GetAsync("/api/profile?username=me")).Ok();

        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("user").GetProperty("username").GetString(), Is.EqualTo("Other"));
            Assert.That(data.GetProperty("real_name").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(own.GetProperty("real_name").ValueKind, Is.EqualTo(JsonValueKind.Null), "hidden even for oneself by username");
        });
        (await Client.GetAsync("/api/profile?username=other")).AssertError("error", "User does not exist");
        (await Client.GetAsync("/api/profile?username=gone")).AssertError("error", "User does not exist");
        (await Client.GetAsync("/api/profile?username=nobody")).AssertError("error", "User does not exist");
    }

    [Test]
    public async Task Updating_writes_only_the_sent_fields_and_returns_the_profile()
    {
        var user = await new UserBuilder().BuildAsync();
        await AccountTestData.UpdateProfileAsync(user.Id, p =>
        {
            p.RealName = "Old";
            p.School = "Old School";
        });
        await Client.LoginAsync(user);

        var data = (await Client.PutJsonAsync("/api/profile", new
        {
            real_name = "  New Name ",
            mood = "",
            blog = "https://blog.example.com",
            github = "https://github.com/x",
            major = "CS",
            language = "C++",
            avatar = "/public/avatar/x.png",
            accepted_number = 999,
        })).Ok();

        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("real_name").GetString(), Is.EqualTo("New Name"));
            Assert.That(data.GetProperty("mood").GetString(), Is.EqualTo(""));
            Assert.That(data.GetProperty("school").GetString(), Is.EqualTo("Old School"));
            Assert.That(data.GetProperty("blog").GetString(), Is.EqualTo("https://blog.example.com"));
            Assert.That(data.GetProperty("avatar").GetString(), Is.EqualTo("/public/avatar/x.png"));
            Assert.That(data.GetProperty("accepted_number").GetInt32(), Is.Zero);
            Assert.That(data.GetProperty("user").GetProperty("id").GetInt32(), Is.EqualTo(user.Id));
        });

        var cleared = (await Client.PutJsonAsync("/api/profile", new { real_name = (string?)null })).Ok();
        Assert.That(cleared.GetProperty("real_name").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var stored = await AccountTestData.ReloadUserAsync(user.Id);
        Assert.That(stored.Profile!.Major, Is.EqualTo("CS"));
    }

    /// <summary>
    /// Deviation (docs/decisions.md, Operations): the settings page sends <c>real_name: ""</c> for a user without a real
    /// name; the reference refused it, so such a user could not save the page. Blank means "no real name" now.
    /// </summary>
    [Test]
    public async Task A_blank_real_name_saves_as_no_real_name()
    {
        var user = await new UserBuilder().BuildAsync();
        await Client.LoginAsync(user);
        (await Client.PutJsonAsync("/api/profile", new { real_name = "Ada" })).Ok();

        var data = (await Client.PutJsonAsync("/api/profile", new { real_name = "", mood = "happy" })).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("real_name").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(data.GetProperty("mood").GetString(), Is.EqualTo("happy"));
        });
        var blank = (await Client.PutJsonAsync("/api/profile", new { real_name = "   " })).Ok();
        Assert.That(blank.GetProperty("real_name").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var stored = await AccountTestData.ReloadUserAsync(user.Id);
        Assert.That(stored.Profile!.RealName, Is.Null);
    }

    [Test]
    public async Task Update_validation_errors()
    {
        var user = await new UserBuilder().BuildAsync();
        await Client.LoginAsync(user);

        (await Client.PutJsonAsync("/api/profile", new { real_name = new string('r', 33) }))
            .AssertError("invalid-real_name", "real_name: Ensure this field has no more than 32 characters.");
        (await Client.PutJsonAsync("/api/profile", new { blog = "not a url" })).AssertError("invalid-blog", "blog: Enter a valid URL.");
        (await Client.PutJsonAsync("/api/profile", new { blog = "https://example.com/" + new string('b', 190) }))
            .AssertError("invalid-blog", "blog: Ensure this field has no more than 200 characters.");
        (await Client.PutJsonAsync("/api/profile", new { mood = (string?)null })).AssertError("invalid-mood", "mood: This field may not be null.");
        (await Client.PutJsonAsync("/api/profile", new { school = new string('s', 65) }))
            .AssertError("invalid-school", "school: Ensure this field has no more than 64 characters.");
    }

    [Test]
    public async Task Updating_needs_an_enabled_login_before_validation()
    {
        (await Client.PutJsonAsync("/api/profile", new { real_name = "" })).AssertError("permission-denied", "Please login first");
        var disabled = await new UserBuilder().Disabled().BuildAsync();
        await Client.LoginAsync(disabled);
        (await Client.PutJsonAsync("/api/profile", new { real_name = "" })).AssertError("permission-denied", "Your account is disabled");
        Assert.That((await Client.PutJsonAsync("/api/profile", new { mood = "x" }, csrf: false)).Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task An_avatar_is_verified_stored_under_a_random_name_and_served()
    {
        var user = await new UserBuilder().WithUsername("pic").WithPassword("secret123").BuildAsync();
        (await Client.LoginThroughApiAsync("pic", "secret123")).Ok();
        var png = Image(SKEncodedImageFormat.Png);

        (await UploadAsync(png, "Me.PNG")).Ok();

        var avatar = (await Client.GetAsync("/api/profile")).Ok().GetProperty("avatar").GetString()!;
        Assert.That(avatar, Does.Match("^/public/avatar/[1-9a-f][0-9a-f]{9}\\.png$"));
        using var served = await Client.Http.GetAsync(avatar);
        Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await served.Content.ReadAsByteArrayAsync(), Is.EqualTo(png));

        (await UploadAsync(Image(SKEncodedImageFormat.Jpeg), "photo.jpeg")).Ok();
        var second = (await Client.GetAsync("/api/profile")).Ok().GetProperty("avatar").GetString()!;
        Assert.That(second, Does.EndWith(".jpeg").And.Not.EqualTo(avatar));
        Assert.That(File.Exists(Path.Combine(OnlineJudgeWebFactory.DataDir, "public", "avatar", Path.GetFileName(avatar))), Is.True, "old file kept");
    }

    [Test]
    public async Task Gif_and_bmp_avatars_are_accepted()
    {
        var user = await new UserBuilder().BuildAsync();
        await Client.LoginAsync(user);
        var gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

        (await UploadAsync(gif, "anim.GIF")).Ok();
        Assert.That((await AccountTestData.ReloadUserAsync(user.Id)).Profile!.Avatar, Does.EndWith(".gif"));
        (await UploadAsync(Bitmap1x1(), "old.bmp")).Ok();
        Assert.That((await AccountTestData.ReloadUserAsync(user.Id)).Profile!.Avatar, Does.EndWith(".bmp"));
    }

    [Test]
    public async Task The_stored_extension_follows_the_real_format()
    {
        var user = await new UserBuilder().BuildAsync();
        await Client.LoginAsync(user);
        (await UploadAsync(Image(SKEncodedImageFormat.Png), "looks-like.gif")).Ok();
        var stored = await AccountTestData.ReloadUserAsync(user.Id);
        Assert.That(stored.Profile!.Avatar, Does.EndWith(".png"));
    }

    [Test]
    public async Task Bad_avatars_are_refused()
    {
        var user = await new UserBuilder().BuildAsync();
        await Client.LoginAsync(user);

        (await UploadAsync([], "empty.png")).AssertError("error", "Invalid file content");
        (await UploadAsync(Image(SKEncodedImageFormat.Png), "x.png", field: "file")).AssertError("error", "Invalid file content");
        (await UploadAsync(new byte[(2 * 1024 * 1024) + 1], "big.png")).AssertError("error", "Picture is too large");
        (await UploadAsync(Image(SKEncodedImageFormat.Png), "x.svg")).AssertError("error", "Unsupported file format");
        (await UploadAsync(Image(SKEncodedImageFormat.Png), "noextension")).AssertError("error", "Unsupported file format");
        (await UploadAsync("<html><script>alert(1)</script></html>"u8.ToArray(), "evil.png")).AssertError("error", "Invalid file content");
        var truncated = Image(SKEncodedImageFormat.Png)[..40];
        (await UploadAsync(truncated, "cut.png")).AssertError("error", "Invalid file content");
        var json = await Client.PostJsonAsync("/api/upload_avatar", new { image = "x" });
        json.AssertError("error", "Invalid file content");

        var stored = await AccountTestData.ReloadUserAsync(user.Id);
        Assert.That(stored.Profile!.Avatar, Is.EqualTo("/public/avatar/default.png"));
    }

    [Test]
    public async Task Uploading_needs_login_and_csrf()
    {
        (await UploadAsync(Image(SKEncodedImageFormat.Png), "x.png")).AssertError("permission-denied", "Please login first");
        var disabled = await new UserBuilder().Disabled().BuildAsync();
        await Client.LoginAsync(disabled);
        (await UploadAsync(Image(SKEncodedImageFormat.Png), "x.png")).AssertError("permission-denied", "Your account is disabled");
        Assert.That((await UploadAsync(Image(SKEncodedImageFormat.Png), "x.png", csrf: false)).Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Fresh_display_id_rewrites_cached_ids_of_visible_problems_only()
    {
        var admin = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var visible = await AccountTestData.AddProblemAsync(admin.Id, "NEW-1");
        var hidden = await AccountTestData.AddProblemAsync(admin.Id, "HIDDEN", visible: false);
        var user = await new UserBuilder().BuildAsync();
        await AccountTestData.UpdateProfileAsync(user.Id, p => p.AcmProblemsStatus = new AcmProblemsStatus
        {
            Problems = new()
            {
                [visible.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new ProblemStatusEntry { Status = 0, DisplayId = "old-1" },
                [hidden.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new ProblemStatusEntry { Status = -1, DisplayId = "old-2" },
                ["999999"] = new ProblemStatusEntry { Status = 0, DisplayId = "deleted" },
            },
            ContestProblems = new() { ["1"] = new ProblemStatusEntry { Status = 0, DisplayId = "c" } },
        });
        await Client.LoginAsync(user);

        Assert.That((await Client.GetAsync("/api/profile/fresh_display_id")).Ok().ValueKind, Is.EqualTo(JsonValueKind.Null));

        var status = (await AccountTestData.ReloadUserAsync(user.Id)).Profile!.AcmProblemsStatus;
        Assert.Multiple(() =>
        {
            Assert.That(status.Problems![visible.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)].DisplayId, Is.EqualTo("NEW-1"));
            Assert.That(status.Problems[hidden.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)].DisplayId, Is.EqualTo("old-2"));
            Assert.That(status.Problems[hidden.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)].Status, Is.EqualTo(-1));
            Assert.That(status.Problems["999999"].DisplayId, Is.EqualTo("deleted"));
            Assert.That(status.ContestProblems!["1"].DisplayId, Is.EqualTo("c"));
        });
    }

    [Test]
    public async Task Fresh_display_id_needs_login_and_accepts_an_empty_status()
    {
        (await Client.GetAsync("/api/profile/fresh_display_id")).AssertError("permission-denied", "Please login first");
        var user = await new UserBuilder().BuildAsync();
        await Client.LoginAsync(user);
        Assert.That((await Client.GetAsync("/api/profile/fresh_display_id")).Ok().ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Metrics_give_first_and_latest_non_contest_submission_in_utc()
    {
        var admin = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var problem = await AccountTestData.AddProblemAsync(admin.Id, "P1");
        var user = await new UserBuilder().BuildAsync();
        await AccountTestData.AddSubmissionAsync(user, problem, new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc).AddTicks(1234560));
        await AccountTestData.AddSubmissionAsync(user, problem, new DateTime(2026, 5, 2, 9, 30, 0, DateTimeKind.Utc));
        var contest = await new ContestBuilder(admin).BuildAsync();
        await AccountTestData.AddSubmissionAsync(user, problem, new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), contest.Id);
        await AccountTestData.AddSubmissionAsync(user, problem, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), contest.Id);

        var data = (await Client.GetAsync($"/api/metrics?userid={user.Id}")).Ok();

        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("first").GetString(), Is.EqualTo("2026-03-01T08:00:00.123456Z"));
            Assert.That(data.GetProperty("latest").GetString(), Is.EqualTo("2026-05-02T09:30:00Z"));
            Assert.That(data.GetProperty("now").GetString(), Does.EndWith("Z"));
        });
    }

    [Test]
    public async Task Metrics_without_submissions_or_with_a_bad_id()
    {
        var user = await new UserBuilder().BuildAsync();
        (await Client.GetAsync($"/api/metrics?userid={user.Id}")).AssertError("error", "暂无提交");
        (await Client.GetAsync("/api/metrics")).AssertError("error", "暂无提交");
        (await Client.GetAsync("/api/metrics?userid=abc")).AssertError("invalid-userid", "userid: A valid integer is required.");
    }

    private static byte[] Image(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(8, 8);
        bitmap.Erase(SKColors.CornflowerBlue);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A 1×1 24-bit BMP (SkiaSharp does not encode BMP).</summary>
    private static byte[] Bitmap1x1()
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("BM"u8);
        writer.Write(58);
        writer.Write(0);
        writer.Write(54);
        writer.Write(40);
        writer.Write(1);
        writer.Write(1);
        writer.Write((short)1);
        writer.Write((short)24);
        writer.Write(0);
        writer.Write(4);
        writer.Write(2835);
        writer.Write(2835);
        writer.Write(0);
        writer.Write(0);
        writer.Write(new byte[] { 0, 0, 255, 0 });
        writer.Flush();
        return stream.ToArray();
    }

    private Task<ApiResponse> UploadAsync(byte[] bytes, string fileName, string field = "image", bool csrf = true)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, field, fileName);
        return Client.SendAsync(HttpMethod.Post, "/api/upload_avatar", content, csrf);
    }
}
