namespace OnlineJudge.Tests.Tutorials;

/// <summary>tutorial.md §1: the learn pages' lesson list, lesson and exercises, open to everyone.</summary>
public class TutorialTests : IntegrationTest
{
    [Test]
    public async Task The_lesson_list_has_the_public_tutorials_of_a_type_in_tutorial_order()
    {
        var author = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var now = DateTime.UtcNow;
        await new TutorialBuilder(author).WithTitle("second").WithOrder(2).BuildAsync();
        await new TutorialBuilder(author).WithTitle("first-old").WithOrder(1).CreatedAt(now.AddDays(-2)).BuildAsync();
        await new TutorialBuilder(author).WithTitle("first-new").WithOrder(1).CreatedAt(now).BuildAsync();
        await new TutorialBuilder(author).WithTitle("hidden").WithOrder(0).Hidden().BuildAsync();
        await new TutorialBuilder(author).WithTitle("c lesson").OfType(TutorialType.C).BuildAsync();

        var python = (await Client.GetAsync("/api/tutorials?type=python")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(python.EnumerateArray().Select(t => t.GetProperty("title").GetString()),
                Is.EqualTo(new[] { "first-new", "first-old", "second" }));
            Assert.That(python[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "title" }));
        });

        var byDefault = (await Client.GetAsync("/api/tutorials")).Ok();
        var empty = (await Client.GetAsync("/api/tutorials?type=")).Ok();
        var c = (await Client.GetAsync("/api/tutorials?type=c")).Ok();
        var unknown = (await Client.GetAsync("/api/tutorials?type=java")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(byDefault.GetArrayLength(), Is.EqualTo(3));
            Assert.That(empty.GetArrayLength(), Is.EqualTo(3));
            Assert.That(c.EnumerateArray().Select(t => t.GetProperty("title").GetString()), Is.EqualTo(new[] { "c lesson" }));
            Assert.That(unknown.GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task A_public_lesson_has_its_markdown_as_stored_its_code_and_the_full_author()
    {
        var author = await new UserBuilder().WithUsername("teacher").AsSuperAdmin().BuildAsync();
        var markdown = "    indented code\n\n<script>alert(1)</script>\n[[exercise:7]]\n";
        var tutorial = await new TutorialBuilder(author).WithTitle("Loops").WithContent(markdown).OfType(TutorialType.C)
            .WithCode("int main() {}").WithOrder(3).BuildAsync();

        var data = (await Client.GetAsync($"/api/tutorial?id={tutorial.Id}")).Ok();
        var createdBy = data.GetProperty("created_by");
        Assert.Multiple(() =>
        {
            Assert.That(data.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
            {
                "id", "title", "content", "created_by", "created_at", "updated_at", "is_public", "order", "type", "code",
            }));
            Assert.That(data.GetProperty("id").GetInt32(), Is.EqualTo(tutorial.Id));
            Assert.That(data.GetProperty("title").GetString(), Is.EqualTo("Loops"));
            Assert.That(data.GetProperty("content").GetString(), Is.EqualTo(markdown));
            Assert.That(data.GetProperty("code").GetString(), Is.EqualTo("int main() {}"));
            Assert.That(data.GetProperty("type").GetString(), Is.EqualTo("c"));
            Assert.That(data.GetProperty("order").GetInt32(), Is.EqualTo(3));
            Assert.That(data.GetProperty("is_public").GetBoolean(), Is.True);
            Assert.That(data.GetProperty("created_at").GetString(), Does.EndWith("+08:00"));
            Assert.That(createdBy.GetProperty("username").GetString(), Is.EqualTo("teacher"));
            Assert.That(createdBy.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[]
            {
                "id", "username", "email", "admin_type", "problem_permission", "create_time", "last_login", "open_api", "is_disabled",
                "class_name",
            }));
        });

        var noCode = await new TutorialBuilder(author).BuildAsync();
        Assert.That((await Client.GetAsync($"/api/tutorial?id={noCode.Id}")).Ok().GetProperty("code").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Hidden_unknown_missing_or_malformed_lesson_ids_are_errors()
    {
        var author = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var hidden = await new TutorialBuilder(author).Hidden().BuildAsync();

        (await Client.GetAsync($"/api/tutorial?id={hidden.Id}")).AssertError("error", "Tutorial does not exist");
        (await Client.GetAsync("/api/tutorial?id=999999")).AssertError("error", "Tutorial does not exist");
        (await Client.GetAsync("/api/tutorial")).AssertError("error", "Tutorial does not exist");
        (await Client.GetAsync("/api/tutorial?id=abc")).AssertError("invalid-id", "id: A valid integer is required.");
    }

    [Test]
    public async Task Exercises_of_a_public_lesson_come_in_exercise_order_with_their_answers()
    {
        var author = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var tutorial = await new TutorialBuilder(author).BuildAsync();
        var now = DateTime.UtcNow;
        var later = await new ExerciseBuilder(tutorial).WithOrder(2).OfType(ExerciseType.Sort, """{"question": "q", "lines": ["a", "b"]}""").BuildAsync();
        var firstOld = await new ExerciseBuilder(tutorial).WithOrder(1).CreatedAt(now.AddMinutes(-5)).BuildAsync();
        var firstNew = await new ExerciseBuilder(tutorial).WithOrder(1).CreatedAt(now)
            .OfType(ExerciseType.Fill, """{"question": "q", "code": "print({{answer}})"}""").BuildAsync();
        var other = await new TutorialBuilder(author).BuildAsync();
        await new ExerciseBuilder(other).BuildAsync();

        var data = (await Client.GetAsync($"/api/exercises?tutorial_id={tutorial.Id}")).Ok();
        var items = data.EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(items.Select(e => e.GetProperty("id").GetInt32()), Is.EqualTo(new[] { firstOld.Id, firstNew.Id, later.Id }));
            Assert.That(items[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "type", "data", "order" }));
            Assert.That(items[0].GetProperty("type").GetString(), Is.EqualTo("mcq"));
            Assert.That(items[0].GetProperty("data").GetProperty("answer")[0].GetInt32(), Is.EqualTo(1));
            Assert.That(items[1].GetProperty("data").GetProperty("code").GetString(), Is.EqualTo("print({{answer}})"));
            Assert.That(items[2].GetProperty("order").GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Exercises_need_a_public_lesson_id()
    {
        var author = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var hidden = await new TutorialBuilder(author).Hidden().BuildAsync();
        await new ExerciseBuilder(hidden).BuildAsync();

        (await Client.GetAsync("/api/exercises")).AssertError("error", "tutorial_id is required");
        (await Client.GetAsync("/api/exercises?tutorial_id=")).AssertError("error", "tutorial_id is required");
        (await Client.GetAsync($"/api/exercises?tutorial_id={hidden.Id}")).AssertError("error", "Tutorial does not exist");
        (await Client.GetAsync("/api/exercises?tutorial_id=424242")).AssertError("error", "Tutorial does not exist");
        (await Client.GetAsync("/api/exercises?tutorial_id=x")).AssertError("invalid-tutorial_id", "tutorial_id: A valid integer is required.");
    }
}
