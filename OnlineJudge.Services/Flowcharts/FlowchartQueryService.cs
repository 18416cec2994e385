using OnlineJudge.Data.Flowcharts;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Flowcharts;

/// <summary><c>{"submission": …, "count": n}</c> of flowchart.md §1.5.</summary>
public sealed record FlowchartAttemptDto(FlowchartSubmissionDto? Submission, int Count);

/// <summary><c>{"count", "score", "grade"}</c> of flowchart.md §1.6.</summary>
public sealed record FlowchartCurrentDto(int Count, double? Score, string? Grade);

/// <summary>Reading flowchart submissions (flowchart.md §1.2, §1.3, §1.5, §1.6).</summary>
public class FlowchartQueryService(FlowchartSubmissionRepository submissions, TimeProvider time)
{
    public async Task<ServiceResult<FlowchartSubmissionDto>> GetAsync(string? id, CurrentUser user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id))
        {
            return ServiceError.Of("submission_id is required");
        }

        var row = await submissions.FindDetailAsync(id, cancellationToken);
        if (row is null)
        {
            return ServiceError.Of("Submission doesn't exist");
        }

        return FlowchartAccess.CanRead(user, row) ? row.Submission : ServiceError.Of("No permission for this submission");
    }

    public async Task<ServiceResult<Page<FlowchartSubmissionListItemDto>>> ListAsync(FlowchartListQuery query, CurrentUser user,
        CancellationToken cancellationToken)
    {
        int? problemId = null;
        if (!string.IsNullOrEmpty(query.ProblemId))
        {
            problemId = await submissions.FindPublicProblemIdAsync(query.ProblemId, cancellationToken);
            if (problemId is null)
            {
                return ServiceError.Of("Problem doesn't exist");
            }
        }

        // The user filter's precedence (flowchart.md §1.3): myself, then a username (for everyone), then a regular
        // user's own submissions; admins see all.
        int? userId = null;
        string? username = null;
        if (query.Myself)
        {
            userId = user.Id;
        }
        else if (!string.IsNullOrEmpty(query.Username))
        {
            username = query.Username;
        }
        else if (!user.IsAdminRole)
        {
            userId = user.Id;
        }

        var filter = new FlowchartListFilter(problemId, userId, username, query.Today ? time.GetUtcNow().UtcDateTime.Date : null,
            string.IsNullOrEmpty(query.Grade) ? null : query.Grade);
        return await submissions.ListAsync(filter, query.Page, cancellationToken);
    }

    public async Task<ServiceResult<FlowchartAttemptDto>> GetAttemptAsync(FlowchartAttemptQuery query, CurrentUser user, CancellationToken cancellationToken)
    {
        if (await submissions.FindProblemAsync(query.ProblemId, cancellationToken) is null)
        {
            return ServiceError.Of("Problem doesn't exist");
        }

        // page 0 = the latest; page N = the N-th oldest.
        var (count, submission) = await submissions.FindCompletedAsync(user.Id, query.ProblemId, query.Page == 0 ? null : Math.Max(0, query.Page - 1),
            cancellationToken);
        if (count == 0)
        {
            return new FlowchartAttemptDto(null, 0);
        }

        if (query.Page < 0 || query.Page > count)
        {
            return ServiceError.Of("Page out of range");
        }

        return new FlowchartAttemptDto(submission, count);
    }

    public async Task<ServiceResult<FlowchartCurrentDto>> GetCurrentAsync(int problemId, CurrentUser user, CancellationToken cancellationToken)
    {
        if (await submissions.FindProblemAsync(problemId, cancellationToken) is null)
        {
            return ServiceError.Of("Problem doesn't exist");
        }

        var current = await submissions.FindCurrentAsync(user.Id, problemId, cancellationToken);
        return current.Count == 0 ? new FlowchartCurrentDto(0, 0, "") : new FlowchartCurrentDto(current.Count, current.Score, current.Grade);
    }
}
