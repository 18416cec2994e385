namespace OnlineJudge.Tests.Platform;

/// <summary>platform.md §5 through HTTP: validation on async actions, and its order against permission checks.</summary>
public class ValidationHttpTests : IntegrationTest
{
    [Test]
    public async Task Validation_runs_on_async_actions_and_returns_its_data()
    {
        var data = (await Client.PostJsonAsync("/api/_probe/validate", new { username = "  bob  ", count = "3", extra = 1 })).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("username").GetString(), Is.EqualTo("bob"));
            Assert.That(data.GetProperty("count").GetInt32(), Is.EqualTo(3));
            Assert.That(data.GetProperty("flag").GetBoolean(), Is.False);
        });
    }

    [Test]
    public async Task First_failing_field_in_declaration_order_is_reported()
    {
        (await Client.PostJsonAsync("/api/_probe/validate", new { count = 0 })).AssertError("invalid-username", "username: This field is required.");
        (await Client.PostJsonAsync("/api/_probe/validate", new { username = "bob", count = 0 }))
            .AssertError("invalid-count", "count: Ensure this value is greater than or equal to 1.");
        (await Client.PostJsonAsync("/api/_probe/validate", new { username = "toolongname", count = 1 }))
            .AssertError("invalid-username", "username: Ensure this field has no more than 8 characters.");
    }

    [Test]
    public async Task Non_object_bodies_are_non_field_errors()
    {
        (await Client.PostRawAsync("/api/_probe/validate", "[1]", "application/json"))
            .AssertError("invalid-non_field_errors", "Invalid data. Expected a dictionary, but got list.");
        (await Client.PostRawAsync("/api/_probe/validate", "null", "application/json")).AssertError("invalid-non_field_errors", "No data provided");
    }

    [Test]
    public async Task Form_bodies_are_validated_too()
    {
        var data = (await Client.PostRawAsync("/api/_probe/validate", "username=amy&count=2&count=5", "application/x-www-form-urlencoded")).Ok();
        Assert.That(data.GetProperty("count").GetInt32(), Is.EqualTo(5));
    }

    [Test]
    public async Task Permission_runs_before_validation_by_default()
    {
        (await Client.PostJsonAsync("/api/_probe/login-then-validate", new { })).AssertError("permission-denied", "Please login first");
    }

    [Test]
    public async Task Validation_can_run_before_permission()
    {
        (await Client.PostJsonAsync("/api/_probe/validate-then-login", new { })).AssertError("invalid-username", "username: This field is required.");
        (await Client.PostJsonAsync("/api/_probe/validate-then-login", new { username = "a", count = 1 })).AssertError("permission-denied", "Please login first");

        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        (await Client.PostJsonAsync("/api/_probe/validate-then-login", new { username = "a", count = 1 })).Ok();
    }
}
