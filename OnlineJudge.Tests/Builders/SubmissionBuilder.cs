using OnlineJudge.Services.Common;

namespace OnlineJudge.Tests.Builders;

/// <summary>
/// Makes submissions directly in the test database; by default an accepted Python3 submission of the user, in the
/// problem's contest if it has one.
/// </summary>
public class SubmissionBuilder(User user, int problemId, int? contestId)
{
    public SubmissionBuilder(User user, Problem problem)
        : this(user, problem.Id, problem.ContestId)
    {
    }

    private string id = RandomStrings.LowerHex(32);
    private int result = JudgeStatus.Accepted;
    private string language = "Python3";
    private string code = "print(input())";
    private bool shared;
    private DateTime createTime = DateTime.UtcNow;
    private SubmissionStatisticInfo statisticInfo = new() { TimeCost = 12, MemoryCost = 4096, Score = 0 };

    public SubmissionBuilder WithId(string value) { id = value; return this; }
    public SubmissionBuilder InContest(int? value) { contestId = value; return this; }
    public SubmissionBuilder WithResult(int value) { result = value; return this; }
    public SubmissionBuilder WithLanguage(string value) { language = value; return this; }
    public SubmissionBuilder WithCode(string value) { code = value; return this; }
    public SubmissionBuilder Shared() { shared = true; return this; }
    public SubmissionBuilder CreatedAt(DateTime value) { createTime = value; return this; }
    public SubmissionBuilder WithStatistic(SubmissionStatisticInfo value) { statisticInfo = value; return this; }

    public async Task<Submission> BuildAsync()
    {
        var submission = new Submission
        {
            Id = id,
            ContestId = contestId,
            ProblemId = problemId,
            CreateTime = createTime,
            UserId = user.Id,
            Username = user.Username,
            Code = code,
            Result = result,
            Language = language,
            Shared = shared,
            StatisticInfo = statisticInfo,
            Ip = "127.0.0.1",
        };
        await using var db = TestEnvironment.CreateDbContext();
        db.Submissions.Add(submission);
        await db.SaveChangesAsync();
        return submission;
    }
}
