using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Submissions;
using OnlineJudge.Services.Account;

namespace OnlineJudge.Services.Submissions;

/// <summary>Who may read a submission (submission.md §0.2, "check_user_permission").</summary>
public static class SubmissionAccess
{
    /// <param name="contestEnd">End of the submission's contest; null for a practice submission.</param>
    public static bool CanRead(CurrentUser user, int submissionUserId, int problemCreatedById, bool problemShares, bool shared,
        DateTime? contestEnd, DateTime now, bool checkShare = true)
    {
        if (submissionUserId == user.Id || user.AdminType != AdminType.RegularUser || problemCreatedById == user.Id)
        {
            return true;
        }

        if (!checkShare)
        {
            return false;
        }

        if (contestEnd is { } end && end >= now)
        {
            return false;
        }

        return problemShares || shared;
    }

    public static bool CanRead(CurrentUser user, SubmissionDetailRow row, DateTime now, bool checkShare = true) =>
        CanRead(user, row.UserId, row.ProblemCreatedById, row.ProblemShareSubmission, row.Shared, row.ContestEndTime, now, checkShare);
}
