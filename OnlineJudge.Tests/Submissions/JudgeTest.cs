using OnlineJudge.Data.Entities;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Submissions;

/// <summary>An integration test with a fake JudgeServer registered (capacity 2 × 2 + 1 by default).</summary>
public abstract class JudgeTest : IntegrationTest
{
    protected FakeJudgeServer Judge { get; private set; } = null!;

    protected JudgeServer JudgeServerRow { get; private set; } = null!;

    protected virtual int JudgeCores => 2;

    [SetUp]
    public async Task StartJudgeAsync()
    {
        Judge = await FakeJudgeServer.StartAsync();
        JudgeServerRow = await JudgeTestData.RegisterServerAsync(Judge.ServiceUrl, JudgeCores);
    }

    [TearDown]
    public async Task StopJudgeAsync() => await Judge.DisposeAsync();

    /// <summary>Submits through the API as <paramref name="client"/> and returns the submission id.</summary>
    protected static async Task<string> SubmitAsync(ApiClient client, Problem problem, string language = "C", string code = "int main() { return 0; }",
        int? contestId = null)
    {
        var data = (await client.PostJsonAsync("/api/submission", new { problem_id = problem.Id, language, code, contest_id = contestId })).Ok();
        return JudgeTestData.SubmissionIdOf(data);
    }
}
