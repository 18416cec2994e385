using Microsoft.EntityFrameworkCore;
using OnlineJudge.Data.Entities;

namespace OnlineJudge.Data.Ai;

/// <summary>What a hint is built from (ai.md §2.2): the caller's submission and its problem.</summary>
public sealed record AiHintSourceDto(string Language, int Result, string Code, SubmissionStatisticInfo StatisticInfo, string ProblemTitle, string ProblemDescription,
    List<ProblemAnswer>? Answers);

public class AiHintRepository(OnlineJudgeDbContext db)
{
    /// <summary>The submission when it belongs to <paramref name="userId"/>, else null.</summary>
    public Task<AiHintSourceDto?> FindOwnAsync(string submissionId, int userId, CancellationToken cancellationToken) =>
        db.Submissions.Where(s => s.Id == submissionId && s.UserId == userId)
            .Select(s => new AiHintSourceDto(s.Language, s.Result, s.Code, s.StatisticInfo, s.Problem!.Title, s.Problem.Description, s.Problem.Answers))
            .FirstOrDefaultAsync(cancellationToken);
}
