using OnlineJudge.Services.Account;

namespace OnlineJudge.Tests.Account;

/// <summary>account.md A3 and C3.</summary>
public class RegisterTests : IntegrationTest
{
    [Test]
    public async Task Registration_creates_a_lower_cased_regular_user_with_a_profile_who_can_then_log_in()
    {
        var longPassword = new string('p', 40);
        var response = await Client.PostJsonAsync("/api/register", new { username = " NewKid ", password = longPassword, email = "Kid@Example.COM" });

        Assert.That(response.Ok().GetString(), Is.EqualTo("Succeeded"));
        Assert.That(Client.Cookie("sessionid"), Is.Null, "not logged in");
        await using (var db = TestEnvironment.CreateDbContext())
        {
            var user = await db.Users.Include(u => u.Profile).SingleAsync();
            Assert.Multiple(() =>
            {
                Assert.That(user.Username, Is.EqualTo("newkid"));
                Assert.That(user.Email, Is.EqualTo("kid@example.com"));
                Assert.That(user.AdminType, Is.EqualTo(AdminType.RegularUser));
                Assert.That(user.ProblemPermission, Is.EqualTo(ProblemPermission.None));
                Assert.That(user.IsDisabled, Is.False);
                Assert.That(user.OpenApi, Is.False);
                Assert.That(user.ClassName, Is.Null);
                Assert.That(user.CreateTime, Is.Not.Null);
                Assert.That(user.RawPassword, Is.Null, "user-chosen passwords are not kept in clear");
                Assert.That(PasswordHasher.Verify(longPassword, user.Password), Is.True);
                Assert.That(user.Profile, Is.Not.Null);
                Assert.That(user.Profile!.Avatar, Is.EqualTo("/public/avatar/default.png"));
            });
        }

        (await Client.LoginThroughApiAsync("NEWKID", longPassword)).Ok();
        var profile = (await Client.GetAsync("/api/profile")).Ok();
        Assert.That(profile.GetProperty("user").GetProperty("email").GetString(), Is.EqualTo("kid@example.com"));
    }

    [Test]
    public async Task Taken_usernames_and_emails_are_refused()
    {
        await new UserBuilder().WithUsername("Taken").WithEmail("used@example.com").BuildAsync();

        (await Client.PostJsonAsync("/api/register", new { username = "taken", password = "secret123", email = "a@example.com" }))
            .AssertError("error", "Username already exists");
        (await Client.PostJsonAsync("/api/register", new { username = "fresh", password = "secret123", email = "USED@example.com" }))
            .AssertError("error", "Email already exists");
        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Users.CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Registration_can_be_turned_off()
    {
        await AccountTestData.SetOptionAsync("allow_register", false);
        (await Client.PostJsonAsync("/api/register", new { username = "x", password = "secret123", email = "x@example.com" }))
            .AssertError("error", "Register function has been disabled by admin");
    }

    [Test]
    public async Task Registration_validates_before_anything_else()
    {
        await AccountTestData.SetOptionAsync("allow_register", false);
        (await Client.PostJsonAsync("/api/register", new { username = new string('u', 33), password = "secret123", email = "x@example.com" }))
            .AssertError("invalid-username", "username: Ensure this field has no more than 32 characters.");
        (await Client.PostJsonAsync("/api/register", new { username = "u", password = " 12345 ", email = "x@example.com" }))
            .AssertError("invalid-password", "password: Ensure this field has at least 6 characters.");
        (await Client.PostJsonAsync("/api/register", new { username = "u", password = new string('p', 129), email = "x@example.com" }))
            .AssertError("invalid-password", "password: Ensure this field has no more than 128 characters.");
        (await Client.PostJsonAsync("/api/register", new { username = "u", password = "secret123", email = "not-an-email" }))
            .AssertError("invalid-email", "email: Enter a valid email address.");
        (await Client.PostJsonAsync("/api/register", new { username = "u", password = "secret123" }))
            .AssertError("invalid-email", "email: This field is required.");
    }

    [Test]
    public async Task Check_username_or_email_tells_which_are_taken()
    {
        await new UserBuilder().WithUsername("ann").WithEmail("ann@example.com").BuildAsync();

        var both = (await Client.PostJsonAsync("/api/check_username_or_email", new { username = "ANN", email = "Ann@Example.com" })).Ok();
        var none = (await Client.PostJsonAsync("/api/check_username_or_email", new { username = "ben", email = "ben@example.com" })).Ok();
        var empty = (await Client.PostJsonAsync("/api/check_username_or_email", new { })).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(both.GetProperty("username").GetBoolean(), Is.True);
            Assert.That(both.GetProperty("email").GetBoolean(), Is.True);
            Assert.That(none.GetProperty("username").GetBoolean(), Is.False);
            Assert.That(none.GetProperty("email").GetBoolean(), Is.False);
            Assert.That(empty.GetProperty("username").GetBoolean(), Is.False);
            Assert.That(empty.GetProperty("email").GetBoolean(), Is.False);
        });
        (await Client.PostJsonAsync("/api/check_username_or_email", new { email = "nope" }))
            .AssertError("invalid-email", "email: Enter a valid email address.");
    }
}
