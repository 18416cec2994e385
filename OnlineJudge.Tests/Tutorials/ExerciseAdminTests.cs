using System.Net.Http.Json;

namespace OnlineJudge.Tests.Tutorials;

/// <summary>tutorial.md §2.6–§2.9: super admins manage the exercises of a tutorial; <c>data</c> is opaque JSON.</summary>
public class ExerciseAdminTests : IntegrationTest
{
    private async Task<(ApiClient Client, Tutorial Tutorial)> SceneAsync()
    {
        var boss = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var client = NewClient();
        await client.LoginAsync(boss);
        return (client, await new TutorialBuilder(boss).Hidden().BuildAsync());
    }

    private static Task<ApiResponse> PutAsync(ApiClient client, object body) =>
        client.SendAsync(HttpMethod.Put, "/api/admin/exercise", JsonContent.Create(body));

    [Test]
    public async Task Exercises_of_any_tutorial_are_listed_in_exercise_order()
    {
        var (admin, tutorial) = await SceneAsync();
        var second = await new ExerciseBuilder(tutorial).WithOrder(1).BuildAsync();
        var first = await new ExerciseBuilder(tutorial).WithOrder(0).BuildAsync();

        var data = (await admin.GetAsync($"/api/admin/exercise?tutorial_id={tutorial.Id}")).Ok();
        Assert.That(data.EnumerateArray().Select(e => e.GetProperty("id").GetInt32()), Is.EqualTo(new[] { first.Id, second.Id }));
        Assert.That((await admin.GetAsync("/api/admin/exercise?tutorial_id=424242")).Ok().GetArrayLength(), Is.Zero);
        (await admin.GetAsync("/api/admin/exercise")).AssertError("error", "tutorial_id is required");
        (await admin.GetAsync("/api/admin/exercise?tutorial_id=")).AssertError("error", "tutorial_id is required");
        (await admin.GetAsync("/api/admin/exercise?tutorial_id=q")).AssertError("invalid-tutorial_id", "tutorial_id: A valid integer is required.");
    }

    [Test]
    public async Task Creating_stores_any_json_data_as_given()
    {
        var (admin, tutorial) = await SceneAsync();
        var match = new { question = "pair", left = new[] { "a", "b" }, right = new[] { "1", "2" }, answer = new[] { 1, 0 } };

        var data = (await admin.PostJsonAsync("/api/admin/exercise", new { tutorial_id = tutorial.Id, type = "match", data = match, order = 3 })).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "type", "data", "order" }));
            Assert.That(data.GetProperty("type").GetString(), Is.EqualTo("match"));
            Assert.That(data.GetProperty("order").GetInt32(), Is.EqualTo(3));
            Assert.That(data.GetProperty("data").GetProperty("answer")[0].GetInt32(), Is.EqualTo(1));
        });

        var scalar = (await admin.PostJsonAsync("/api/admin/exercise", new { tutorial_id = tutorial.Id, type = "predict", data = "just text" })).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(scalar.GetProperty("data").GetString(), Is.EqualTo("just text"));
            Assert.That(scalar.GetProperty("order").GetInt32(), Is.Zero);
        });

        var listed = (await admin.GetAsync($"/api/admin/exercise?tutorial_id={tutorial.Id}")).Ok();
        Assert.That(listed[1].GetProperty("data").GetProperty("left")[1].GetString(), Is.EqualTo("b"));
    }

    [Test]
    public async Task Creating_validates_and_needs_an_existing_tutorial()
    {
        var (admin, tutorial) = await SceneAsync();
        (await admin.PostJsonAsync("/api/admin/exercise", new { type = "mcq", data = new { } }))
            .AssertError("invalid-tutorial_id", "tutorial_id: This field is required.");
        (await admin.PostJsonAsync("/api/admin/exercise", new { tutorial_id = tutorial.Id, type = "essay", data = new { } }))
            .AssertError("invalid-type", "type: \"essay\" is not a valid choice.");
        (await admin.PostJsonAsync("/api/admin/exercise", new { tutorial_id = tutorial.Id, type = "mcq" }))
            .AssertError("invalid-data", "data: This field is required.");
        (await admin.PostJsonAsync("/api/admin/exercise", new { tutorial_id = tutorial.Id, type = "mcq", data = (object?)null }))
            .AssertError("invalid-data", "data: This field may not be null.");
        (await admin.PostJsonAsync("/api/admin/exercise", new { tutorial_id = 424242, type = "mcq", data = new { } }))
            .AssertError("error", "Tutorial does not exist");
    }

    [Test]
    public async Task Updating_overwrites_type_data_and_order_and_keeps_the_tutorial()
    {
        var (admin, tutorial) = await SceneAsync();
        var exercise = await new ExerciseBuilder(tutorial).WithOrder(7).BuildAsync();

        var data = (await PutAsync(admin, new { id = exercise.Id, type = "debug", data = new { question = "q", lines = new[] { "x" }, answer = new[] { 0 } },
            tutorial_id = 999 })).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("type").GetString(), Is.EqualTo("debug"));
            Assert.That(data.GetProperty("order").GetInt32(), Is.Zero);
            Assert.That(data.GetProperty("data").GetProperty("lines")[0].GetString(), Is.EqualTo("x"));
        });

        await using var db = TestEnvironment.CreateDbContext();
        var stored = await db.Exercises.SingleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(stored.TutorialId, Is.EqualTo(tutorial.Id));
            Assert.That(stored.Order, Is.Zero);
            Assert.That(stored.Data.GetProperty("question").GetString(), Is.EqualTo("q"));
        });

        (await PutAsync(admin, new { id = 424242, type = "mcq", data = new { } })).AssertError("error", "Exercise does not exist");
        (await PutAsync(admin, new { id = exercise.Id, type = "mcq" })).AssertError("invalid-data", "data: This field is required.");
    }

    [Test]
    public async Task Deleting_needs_an_id_and_ignores_unknown_ones()
    {
        var (admin, tutorial) = await SceneAsync();
        var exercise = await new ExerciseBuilder(tutorial).BuildAsync();

        (await admin.SendAsync(HttpMethod.Delete, "/api/admin/exercise", null)).AssertError("error", "id is required");
        (await admin.SendAsync(HttpMethod.Delete, "/api/admin/exercise?id=", null)).AssertError("error", "id is required");
        (await admin.SendAsync(HttpMethod.Delete, "/api/admin/exercise?id=z", null)).AssertError("invalid-id", "id: A valid integer is required.");
        (await admin.SendAsync(HttpMethod.Delete, "/api/admin/exercise?id=424242", null)).Ok();
        Assert.That((await admin.SendAsync(HttpMethod.Delete, $"/api/admin/exercise?id={exercise.Id}", null)).Ok().ValueKind,
            Is.EqualTo(JsonValueKind.Null));

        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Exercises.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Only_super_admins_manage_exercises()
    {
        var (_, tutorial) = await SceneAsync();
        var exercise = await new ExerciseBuilder(tutorial).BuildAsync();
        var teacher = NewClient();
        await teacher.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());

        (await teacher.GetAsync($"/api/admin/exercise?tutorial_id={tutorial.Id}")).AssertError("permission-denied", "Please login first");
        (await teacher.GetAsync("/api/admin/exercise")).AssertError("permission-denied", "Please login first");
        (await teacher.PostJsonAsync("/api/admin/exercise", new { })).AssertError("invalid-tutorial_id", "tutorial_id: This field is required.");
        (await teacher.PostJsonAsync("/api/admin/exercise", new { tutorial_id = tutorial.Id, type = "mcq", data = 1 }))
            .AssertError("permission-denied", "Please login first");
        (await PutAsync(teacher, new { id = exercise.Id, type = "mcq", data = 1 })).AssertError("permission-denied", "Please login first");
        (await teacher.SendAsync(HttpMethod.Delete, $"/api/admin/exercise?id={exercise.Id}", null)).AssertError("permission-denied", "Please login first");
        (await Client.GetAsync($"/api/admin/exercise?tutorial_id={tutorial.Id}")).AssertError("login-required", "Please login in first");

        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Exercises.CountAsync(), Is.EqualTo(1));
    }
}
