using System.Text.Json.Serialization;

namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>acm_contest_rank</c> (data-model.md §2.6).</summary>
public class AcmContestRank
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public int ContestId { get; set; }
    public int SubmissionNumber { get; set; }
    public int AcceptedNumber { get; set; }

    /// <summary>Seconds.</summary>
    public int TotalTime { get; set; }

    /// <summary>Keyed by problem.id as a string.</summary>
    public Dictionary<string, AcmSubmissionInfoEntry> SubmissionInfo { get; set; } = [];

    public User? User { get; set; }
    public Contest? Contest { get; set; }
}

/// <summary>One value of <c>acm_contest_rank.submission_info</c>.</summary>
public class AcmSubmissionInfoEntry
{
    public bool IsAc { get; set; }

    /// <summary>Seconds from contest start to the accepted submission; 0 if not accepted.</summary>
    [JsonConverter(typeof(FlooringInt32Converter))]
    public int AcTime { get; set; }

    public int ErrorNumber { get; set; }
    public bool IsFirstAc { get; set; }

    /// <summary>Set only by the admin ACM helper.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Checked { get; set; }
}
