using StackExchange.Redis;

namespace OnlineJudge.Tests.Comments;

/// <summary>comment.md Part B: legacy problem comments and their <c>comment_stats</c> cache.</summary>
public class CommentTests : IntegrationTest
{
    private static IDatabase Redis => TestEnvironment.Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();

    private static object Body(int problemId, int description = 4, int difficulty = 3, int comprehensive = 5, string? content = "Nice problem") =>
        new { problem_id = problemId, description_rating = description, difficulty_rating = difficulty, comprehensive_rating = comprehensive, content };

    private static async Task<(User Owner, Problem Problem)> ProblemAsync()
    {
        var owner = await new UserBuilder().AsSuperAdmin().BuildAsync();
        return (owner, await new ProblemBuilder(owner).WithDisplayId("C1").BuildAsync());
    }

    private static async Task<Comment> AddCommentAsync(User user, Problem problem, short rating, string? content, DateTime? createTime = null)
    {
        var submission = await new SubmissionBuilder(user, problem).BuildAsync();
        var comment = new Comment
        {
            ProblemId = problem.Id, UserId = user.Id, SubmissionId = submission.Id, Language = "C", DescriptionRating = rating,
            DifficultyRating = rating, ComprehensiveRating = rating, Content = content, CreateTime = createTime ?? DateTime.UtcNow,
        };
        await using var db = TestEnvironment.CreateDbContext();
        db.Comments.Add(comment);
        await db.SaveChangesAsync();
        return comment;
    }

    [Test]
    public async Task A_solver_comments_and_the_statistics_cache_is_dropped()
    {
        var (_, problem) = await ProblemAsync();
        var me = await new UserBuilder().WithUsername("solver").BuildAsync();
        var submission = await new SubmissionBuilder(me, problem).WithLanguage("Python3").BuildAsync();
        await Client.LoginAsync(me);
        await Redis.StringSetAsync($"comment_stats:{problem.Id}", "stale");

        Assert.That((await Client.PostJsonAsync("/api/comment", Body(problem.Id))).Ok().ValueKind, Is.EqualTo(JsonValueKind.Null));

        Assert.That(await Redis.KeyExistsAsync($"comment_stats:{problem.Id}"), Is.False);
        await using var db = TestEnvironment.CreateDbContext();
        var comment = await db.Comments.SingleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(comment.UserId, Is.EqualTo(me.Id));
            Assert.That(comment.SubmissionId, Is.EqualTo(submission.Id));
            Assert.That(comment.Language, Is.EqualTo("Python"));
            Assert.That(comment.DescriptionRating, Is.EqualTo(4));
            Assert.That(comment.DifficultyRating, Is.EqualTo(3));
            Assert.That(comment.ComprehensiveRating, Is.EqualTo(5));
            Assert.That(comment.Content, Is.EqualTo("Nice problem"));
        });

        var mine = (await Client.GetAsync($"/api/comment?problem_id={problem.Id}")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(mine.GetProperty("description_rating").GetInt32(), Is.EqualTo(4));
            Assert.That(mine.GetProperty("difficulty_rating").GetInt32(), Is.EqualTo(3));
            Assert.That(mine.GetProperty("comprehensive_rating").GetInt32(), Is.EqualTo(5));
            Assert.That(mine.GetProperty("content").GetString(), Is.EqualTo("Nice problem"));
            Assert.That(mine.GetProperty("create_time").GetString(), Does.EndWith("+08:00"));
        });
    }

    [Test]
    public async Task Commenting_validates_first_then_needs_login()
    {
        (await Client.PostJsonAsync("/api/comment", new { })).AssertError("invalid-problem_id", "problem_id: This field is required.");
        (await Client.PostJsonAsync("/api/comment", Body(1))).AssertError("permission-denied", "Please login first");
        var disabled = NewClient();
        await disabled.LoginAsync(await new UserBuilder().Disabled().BuildAsync());
        (await disabled.PostJsonAsync("/api/comment", Body(1))).AssertError("permission-denied", "Your account is disabled");

        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        (await Client.PostJsonAsync("/api/comment", Body(1, description: -1)))
            .AssertError("invalid-description_rating", "description_rating: Ensure this value is greater than or equal to 0.");
        (await Client.PostJsonAsync("/api/comment", new { problem_id = 1, description_rating = 1, difficulty_rating = 1 }))
            .AssertError("invalid-comprehensive_rating", "comprehensive_rating: This field is required.");
    }

    [Test]
    public async Task Commenting_needs_a_visible_problem_and_an_accepted_submission()
    {
        var (owner, problem) = await ProblemAsync();
        var hidden = await new ProblemBuilder(owner).Hidden().BuildAsync();
        var me = await new UserBuilder().BuildAsync();
        await new SubmissionBuilder(me, problem).WithResult(JudgeStatus.WrongAnswer).BuildAsync();
        await new SubmissionBuilder(me, hidden).BuildAsync();
        await Client.LoginAsync(me);

        (await Client.PostJsonAsync("/api/comment", Body(hidden.Id))).AssertError("error", "Problem does not exist");
        (await Client.PostJsonAsync("/api/comment", Body(999999))).AssertError("error", "Problem does not exist");
        (await Client.PostJsonAsync("/api/comment", Body(problem.Id))).AssertError("error", "Submission does not exist");

        var blank = await new UserBuilder().BuildAsync();
        await new SubmissionBuilder(blank, problem).BuildAsync();
        var other = NewClient();
        await other.LoginAsync(blank);
        (await other.PostJsonAsync("/api/comment", new { problem_id = problem.Id, description_rating = 1, difficulty_rating = 1, comprehensive_rating = 1 })).Ok();
    }

    [Test]
    public async Task Reading_my_comment_needs_login_and_gives_null_without_one()
    {
        (await Client.GetAsync("/api/comment?problem_id=1")).AssertError("permission-denied", "Please login first");
        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        Assert.That((await Client.GetAsync("/api/comment?problem_id=1")).Ok().ValueKind, Is.EqualTo(JsonValueKind.Null));
        (await Client.GetAsync("/api/comment")).AssertError("error", "problem_id is required");
        (await Client.GetAsync("/api/comment?problem_id=x")).AssertError("invalid-problem_id", "problem_id: A valid integer is required.");
    }

    [Test]
    public async Task Statistics_are_public_rounded_and_cached_for_an_hour()
    {
        var (_, problem) = await ProblemAsync();
        Assert.That((await Client.GetAsync($"/api/comment/statistics?problem_id={problem.Id}")).Ok().ValueKind, Is.EqualTo(JsonValueKind.Null));
        await Redis.KeyDeleteAsync($"comment_stats:{problem.Id}");

        var now = DateTime.UtcNow;
        await AddCommentAsync(await new UserBuilder().BuildAsync(), problem, 5, "great", now.AddMinutes(-2));
        await AddCommentAsync(await new UserBuilder().BuildAsync(), problem, 4, "", now.AddMinutes(-1));
        await AddCommentAsync(await new UserBuilder().BuildAsync(), problem, 4, "fine", now);

        var data = (await Client.GetAsync($"/api/comment/statistics?problem_id={problem.Id}")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("count").GetInt32(), Is.EqualTo(3));
            Assert.That(data.GetProperty("rating").GetProperty("description").GetDouble(), Is.EqualTo(4.33));
            Assert.That(data.GetProperty("rating").GetProperty("difficulty").GetDouble(), Is.EqualTo(4.33));
            Assert.That(data.GetProperty("rating").GetProperty("comprehensive").GetDouble(), Is.EqualTo(4.33));
            Assert.That(data.GetProperty("contents").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "fine", "great" }));
        });

        var ttl = await Redis.KeyTimeToLiveAsync($"comment_stats:{problem.Id}");
        Assert.That(ttl, Is.Not.Null.And.GreaterThan(TimeSpan.FromSeconds(3500)).And.LessThanOrEqualTo(TimeSpan.FromSeconds(3600)));

        // A row written behind the cache's back shows only after a comment POST drops the key.
        await AddCommentAsync(await new UserBuilder().BuildAsync(), problem, 1, "late");
        Assert.That((await Client.GetAsync($"/api/comment/statistics?problem_id={problem.Id}")).Ok().GetProperty("count").GetInt32(), Is.EqualTo(3));

        var solver = await new UserBuilder().BuildAsync();
        await new SubmissionBuilder(solver, problem).BuildAsync();
        var client = NewClient();
        await client.LoginAsync(solver);
        (await client.PostJsonAsync("/api/comment", Body(problem.Id))).Ok();
        Assert.That((await Client.GetAsync($"/api/comment/statistics?problem_id={problem.Id}")).Ok().GetProperty("count").GetInt32(), Is.EqualTo(5));
    }

    [Test]
    public async Task Statistics_check_the_problem_id()
    {
        (await Client.GetAsync("/api/comment/statistics")).AssertError("error", "problem_id is required");
        (await Client.GetAsync("/api/comment/statistics?problem_id=1.5")).AssertError("invalid-problem_id", "problem_id: A valid integer is required.");
    }

    [Test]
    public async Task Super_admins_list_comments_with_text_newest_first()
    {
        var (owner, problem) = await ProblemAsync();
        var other = await new ProblemBuilder(owner).WithDisplayId("C2").BuildAsync();
        var author = await new UserBuilder().WithUsername("critic").BuildAsync();
        var now = DateTime.UtcNow;
        var older = await AddCommentAsync(author, problem, 3, "older", now.AddMinutes(-5));
        await AddCommentAsync(author, problem, 3, null, now.AddMinutes(-4));
        await AddCommentAsync(author, problem, 3, "", now.AddMinutes(-3));
        var newer = await AddCommentAsync(author, other, 2, "newer", now);
        await Client.LoginAsync(owner);

        var data = (await Client.GetAsync("/api/admin/comment?limit=10&offset=0")).Ok();
        var results = data.GetProperty("results").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("total").GetInt32(), Is.EqualTo(2));
            Assert.That(results.Select(r => r.GetProperty("id").GetInt32()), Is.EqualTo(new[] { newer.Id, older.Id }));
            Assert.That(results[0].GetProperty("problem").GetString(), Is.EqualTo("C2"));
            Assert.That(results[0].GetProperty("user").GetProperty("username").GetString(), Is.EqualTo("critic"));
            Assert.That(results[0].GetProperty("user").GetProperty("real_name").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(results[0].GetProperty("submission").GetString(), Is.EqualTo(newer.SubmissionId));
            Assert.That(results[0].GetProperty("language").GetString(), Is.EqualTo("C"));
            Assert.That(results[0].GetProperty("description_rating").GetInt32(), Is.EqualTo(2));
            Assert.That(results[0].GetProperty("content").GetString(), Is.EqualTo("newer"));
        });

        var filtered = (await Client.GetAsync("/api/admin/comment?problem=C1")).Ok();
        Assert.That(filtered.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()), Is.EqualTo(new[] { older.Id }));
        (await Client.GetAsync("/api/admin/comment?problem=NOPE")).AssertError("error", "Problem doesn't exist");
    }

    [Test]
    public async Task Super_admins_delete_comments()
    {
        var (owner, problem) = await ProblemAsync();
        var comment = await AddCommentAsync(await new UserBuilder().BuildAsync(), problem, 3, "bye");
        var teacher = NewClient();
        await teacher.LoginAsync(await new UserBuilder().AsTeacherAdmin().BuildAsync());
        (await teacher.SendAsync(HttpMethod.Delete, $"/api/admin/comment?id={comment.Id}", null)).AssertError("permission-denied", "Please login first");
        (await teacher.GetAsync("/api/admin/comment")).AssertError("permission-denied", "Please login first");

        await Client.LoginAsync(owner);
        (await Client.SendAsync(HttpMethod.Delete, "/api/admin/comment?id=abc", null)).AssertError("invalid-id", "id: A valid integer is required.");
        (await Client.SendAsync(HttpMethod.Delete, "/api/admin/comment?id=999999", null)).Ok();
        Assert.That((await Client.SendAsync(HttpMethod.Delete, $"/api/admin/comment?id={comment.Id}", null)).Ok().ValueKind, Is.EqualTo(JsonValueKind.Null));

        await using var db = TestEnvironment.CreateDbContext();
        Assert.That(await db.Comments.AnyAsync(), Is.False);
    }
}
