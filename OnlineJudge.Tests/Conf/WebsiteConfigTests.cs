using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Conf;
using StackExchange.Redis;

namespace OnlineJudge.Tests.Conf;

/// <summary>conf.md §2: saving the site configuration.</summary>
public class WebsiteConfigTests : IntegrationTest
{
    public static Dictionary<string, object?> ValidConfig() => new()
    {
        ["website_base_url"] = "https://oj.example.edu",
        ["website_name"] = "School OJ",
        ["website_name_shortcut"] = "soj",
        ["website_footer"] = "<p onclick=\"x()\">Footer</p><script>alert(1)</script>",
        ["allow_register"] = false,
        ["submission_list_show_all"] = false,
        ["class_list"] = new[] { "251", "2510" },
        ["enable_maxkb"] = false,
    };

    [TestCase("/api/admin/website")]
    [TestCase("/api/website")]
    public async Task A_super_admin_saves_every_option_and_later_reads_see_them_with_the_footer_sanitised(string url)
    {
        await Client.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
        // Fill the cache first: the save must invalidate it.
        Assert.That((await Client.GetAsync("/api/website")).Ok().GetProperty("website_name").GetString(), Is.EqualTo("Online Judge"));

        var saved = (await Client.PostJsonAsync(url, ValidConfig())).Ok();
        Assert.That(saved.ValueKind, Is.EqualTo(JsonValueKind.Null));

        var data = (await NewClient().GetAsync("/api/website")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("website_base_url").GetString(), Is.EqualTo("https://oj.example.edu"));
            Assert.That(data.GetProperty("website_name").GetString(), Is.EqualTo("School OJ"));
            Assert.That(data.GetProperty("website_name_shortcut").GetString(), Is.EqualTo("soj"));
            Assert.That(data.GetProperty("website_footer").GetString(), Is.EqualTo("<p>Footer</p>"));
            Assert.That(data.GetProperty("allow_register").GetBoolean(), Is.False);
            Assert.That(data.GetProperty("submission_list_show_all").GetBoolean(), Is.False);
            Assert.That(data.GetProperty("class_list").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "251", "2510" }));
            Assert.That(data.GetProperty("enable_maxkb").GetBoolean(), Is.False);
        });

        await using var db = TestEnvironment.CreateDbContext();
        var footer = await db.SysOptions.Where(o => o.Key == "website_footer").Select(o => o.Value).SingleAsync();
        Assert.That(footer.GetString(), Is.EqualTo("<p>Footer</p>"));
    }

    [Test]
    public async Task Saving_deletes_the_cached_configuration()
    {
        await Client.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
        await Client.GetAsync("/api/website");
        var redis = TestEnvironment.Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        Assert.That(await redis.KeyExistsAsync(CacheKeys.WebsiteConfig), Is.True);

        (await Client.PostJsonAsync("/api/admin/website", ValidConfig())).Ok();

        Assert.That(await redis.KeyExistsAsync(CacheKeys.WebsiteConfig), Is.False);
    }

    [Test]
    public async Task An_empty_class_list_is_allowed()
    {
        await Client.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
        var config = ValidConfig();
        config["class_list"] = Array.Empty<string>();
        (await Client.PostJsonAsync("/api/admin/website", config)).Ok();
        Assert.That((await Client.GetAsync("/api/website")).Ok().GetProperty("class_list").GetArrayLength(), Is.Zero);
    }

    [TestCase("25a", "class_list: 班级号 25a 必须是 3~4 位数字")]
    [TestCase("12", "class_list: 班级号 12 必须是 3~4 位数字")]
    [TestCase("12345", "class_list: 班级号 12345 必须是 3~4 位数字")]
    public async Task Class_numbers_must_have_three_or_four_digits(string bad, string message)
    {
        await Client.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
        var config = ValidConfig();
        config["class_list"] = new[] { "251", bad, "x" };
        (await Client.PostJsonAsync("/api/admin/website", config)).AssertError("invalid-class_list", message);
    }

    [Test]
    public async Task Field_errors_follow_the_validation_rules()
    {
        await Client.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());

        var blankItem = ValidConfig();
        blankItem["class_list"] = new[] { "251", " " };
        (await Client.PostJsonAsync("/api/admin/website", blankItem)).AssertError("invalid-1", "1: This field may not be blank.");

        var missing = ValidConfig();
        missing.Remove("website_base_url");
        (await Client.PostJsonAsync("/api/admin/website", missing)).AssertError("invalid-website_base_url", "website_base_url: This field is required.");

        var tooLong = ValidConfig();
        tooLong["website_name"] = new string('n', 65);
        (await Client.PostJsonAsync("/api/admin/website", tooLong)).AssertError("invalid-website_name", "website_name: Ensure this field has no more than 64 characters.");

        var blankFooter = ValidConfig();
        blankFooter["website_footer"] = "  ";
        (await Client.PostJsonAsync("/api/admin/website", blankFooter)).AssertError("invalid-website_footer", "website_footer: This field may not be blank.");

        var notBool = ValidConfig();
        notBool["enable_maxkb"] = "maybe";
        (await Client.PostJsonAsync("/api/admin/website", notBool)).AssertError("invalid-enable_maxkb", "enable_maxkb: Must be a valid boolean.");

        var notList = ValidConfig();
        notList["class_list"] = "251";
        (await Client.PostJsonAsync("/api/admin/website", notList)).AssertError("invalid-class_list", "class_list: Expected a list of items but got type \"str\".");
    }

    [Test]
    public async Task Only_super_admins_may_save_and_the_role_is_checked_before_validation()
    {
        (await Client.PostJsonAsync("/api/website", new { })).AssertError("permission-denied", "Please login first");
        (await Client.PostJsonAsync("/api/admin/website", ValidConfig())).AssertError("login-required", "Please login in first");

        foreach (var builder in new[] { new UserBuilder(), new UserBuilder().AsStudentAdmin(), new UserBuilder().AsTeacherAdmin() })
        {
            var client = NewClient();
            await client.LoginAsync(await builder.BuildAsync());
            (await client.PostJsonAsync("/api/website", new { })).AssertError("permission-denied", "Please login first");
        }

        var teacher = NewClient();
        await teacher.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        (await teacher.PostJsonAsync("/api/admin/website", ValidConfig())).AssertError("permission-denied", "Please login first");

        var regular = NewClient();
        await regular.LoginAsync(await new UserBuilder().BuildAsync());
        (await regular.PostJsonAsync("/api/admin/website", ValidConfig())).AssertError("login-required", "Please login in first");

        var disabled = NewClient();
        await disabled.LoginAsync(await new UserBuilder().AsSuperAdmin().Disabled().BuildAsync());
        (await disabled.PostJsonAsync("/api/admin/website", ValidConfig())).AssertError("permission-denied", "Your account is disabled");

        Assert.That((await Client.GetAsync("/api/website")).Ok().GetProperty("website_name").GetString(), Is.EqualTo("Online Judge"));
    }

    [Test]
    public async Task Saving_needs_the_csrf_token()
    {
        await Client.LoginAsync(await new UserBuilder().AsSuperAdmin().BuildAsync());
        var response = await Client.PostJsonAsync("/api/admin/website", ValidConfig(), csrf: false);
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task The_admin_url_reads_the_configuration_for_any_admin_role()
    {
        var student = NewClient();
        await student.LoginAsync(await new UserBuilder().AsStudentAdmin().BuildAsync());
        Assert.That((await student.GetAsync("/api/admin/website")).Ok().GetProperty("website_name").GetString(), Is.EqualTo("Online Judge"));
        (await Client.GetAsync("/api/admin/website")).AssertError("login-required", "Please login in first");
    }
}
