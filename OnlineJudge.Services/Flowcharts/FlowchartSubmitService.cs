using OnlineJudge.Data.Flowcharts;
using OnlineJudge.Data.Transactions;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Flowcharts;

public sealed record FlowchartSubmitResultDto(string SubmissionId, string Status);

public sealed record FlowchartRetryResultDto(string SubmissionId, string Status, string Message);

/// <summary>Submitting a flowchart and asking for a new grade (flowchart.md §1.1, §1.4): both queue the grading job.</summary>
public class FlowchartSubmitService(
    FlowchartSubmissionRepository submissions,
    FlowchartQueueRepository queue,
    TransactionRunner transactions,
    FlowchartWakeups wakeups,
    TimeProvider time)
{
    public async Task<ServiceResult<FlowchartSubmitResultDto>> SubmitAsync(FlowchartSubmitRequest request, CurrentUser user,
        CancellationToken cancellationToken)
    {
        var (valid, errors) = FlowchartSubmitValidator.Validate(request);
        if (errors is not null)
        {
            return new ServiceError("error", errors);
        }

        var problem = await submissions.FindProblemAsync(valid!.ProblemId, cancellationToken);
        if (problem is null)
        {
            return ServiceError.Of("Problem doesn't exist");
        }

        if (!problem.AllowFlowchart)
        {
            return ServiceError.Of("This problem does not allow flowchart submission");
        }

        var id = RandomStrings.LowerHex(32);
        await submissions.CreateAsync(id, user.Id, problem.Id, valid.MermaidCode, valid.FlowchartData, time.GetUtcNow().UtcDateTime,
            cancellationToken);
        await wakeups.WakeAllAsync(CancellationToken.None);
        return new FlowchartSubmitResultDto(id, "pending");
    }

    public async Task<ServiceResult<FlowchartRetryResultDto>> RetryAsync(string? submissionId, CurrentUser user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(submissionId))
        {
            return ServiceError.Of("submission_id is required");
        }

        var row = await submissions.FindDetailAsync(submissionId, cancellationToken);
        if (row is null)
        {
            return ServiceError.Of("Submission doesn't exist");
        }

        if (!FlowchartAccess.CanRead(user, row))
        {
            return ServiceError.Of("No permission for this submission");
        }

        if (row.Status is not (Data.Entities.FlowchartSubmissionStatus.Completed or Data.Entities.FlowchartSubmissionStatus.Failed))
        {
            return ServiceError.Of("Submission is not in a state that allows retry");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await transactions.ExecuteAsync(async ct =>
        {
            await submissions.ResetForRetryAsync(submissionId, ct);
            await queue.EnqueueAsync(submissionId, now, ct);
        }, cancellationToken);
        await wakeups.WakeAllAsync(CancellationToken.None);
        return new FlowchartRetryResultDto(submissionId, "pending", "AI evaluation restarted");
    }
}

/// <summary><c>can_read</c> of flowchart.md §0.2: the submitter, any admin role, or the problem's author.</summary>
public static class FlowchartAccess
{
    public static bool CanRead(CurrentUser user, FlowchartDetailRow row) =>
        row.UserId == user.Id || user.IsAdminRole || row.ProblemCreatedById == user.Id;
}
