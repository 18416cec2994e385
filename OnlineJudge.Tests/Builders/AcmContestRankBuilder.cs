namespace OnlineJudge.Tests.Builders;

/// <summary>
/// Makes an <c>acm_contest_rank</c> row as the judge would leave it (judge.md §6.5): accepted_number, total_time and
/// submission_number follow from the problems added, unless set explicitly.
/// </summary>
public class AcmContestRankBuilder(Contest contest, User user)
{
    private readonly Dictionary<string, AcmSubmissionInfoEntry> info = [];
    private int? submissionNumber;

    /// <summary>Solved after <paramref name="errors"/> wrong tries, <paramref name="acTime"/> seconds after the start.</summary>
    public AcmContestRankBuilder Accepted(int problemId, int acTime, int errors = 0, bool firstAc = false, bool? isChecked = null)
    {
        info[problemId.ToString(System.Globalization.CultureInfo.InvariantCulture)] =
            new AcmSubmissionInfoEntry { IsAc = true, AcTime = acTime, ErrorNumber = errors, IsFirstAc = firstAc, Checked = isChecked };
        return this;
    }

    public AcmContestRankBuilder Failed(int problemId, int errors)
    {
        info[problemId.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new AcmSubmissionInfoEntry { ErrorNumber = errors };
        return this;
    }

    public AcmContestRankBuilder WithSubmissionNumber(int value) { submissionNumber = value; return this; }

    public async Task<AcmContestRank> BuildAsync()
    {
        var rank = new AcmContestRank
        {
            ContestId = contest.Id,
            UserId = user.Id,
            SubmissionInfo = info,
            AcceptedNumber = info.Values.Count(i => i.IsAc),
            TotalTime = info.Values.Where(i => i.IsAc).Sum(i => i.AcTime + (i.ErrorNumber * 1200)),
            SubmissionNumber = submissionNumber ?? info.Values.Sum(i => i.ErrorNumber + (i.IsAc ? 1 : 0)),
        };
        await using var db = TestEnvironment.CreateDbContext();
        db.AcmContestRanks.Add(rank);
        await db.SaveChangesAsync();
        return rank;
    }
}
