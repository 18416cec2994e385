using System.Text.Json.Serialization;

namespace OnlineJudge.Services.Users;

/// <summary>A class of <c>GET /api/class_rank</c> (account.md B1).</summary>
public sealed record ClassRankDto(string ClassName, int UserCount, long TotalAc, long TotalSubmission, double AvgAc, double AcRate, int Rank);

/// <summary>A student row of <c>GET /api/user_class_rank</c> (account.md B2).</summary>
public sealed record ClassStudentRankDto(int UserId, string Username, int AcceptedNumber, int SubmissionNumber, int Rank);

/// <summary>The answer of <c>GET /api/user_class_rank</c>.</summary>
public sealed record UserClassRankDto(string ClassName, int MyRank, int Total, IReadOnlyList<ClassStudentRankDto> Ranks);

/// <summary>The answer of <c>POST /api/class_pk</c> (account.md B3).</summary>
public sealed record ClassPkDto(IReadOnlyList<ClassComparisonDto> Comparisons, bool HasTimeRange);

/// <summary>One class of a class PK; the <c>recent_*</c> keys are present only when a time range was given.</summary>
public sealed record ClassComparisonDto
{
    public string ClassName { get; init; } = "";
    public int UserCount { get; init; }
    public long TotalAc { get; init; }
    public long TotalSubmission { get; init; }
    public double AvgAc { get; init; }
    public double MedianAc { get; init; }
    [JsonPropertyName("q1_ac")]
    public double Q1Ac { get; init; }
    [JsonPropertyName("q3_ac")]
    public double Q3Ac { get; init; }
    public double Iqr { get; init; }
    public double StdDev { get; init; }
    [JsonPropertyName("top_10_avg")]
    public double Top10Avg { get; init; }
    [JsonPropertyName("middle_80_avg")]
    public double Middle80Avg { get; init; }
    [JsonPropertyName("bottom_10_avg")]
    public double Bottom10Avg { get; init; }
    public double ExcellentRate { get; init; }
    public double PassRate { get; init; }
    public double ActiveRate { get; init; }
    public double AcRate { get; init; }
    public double CompositeScore { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? RecentTotalAc { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? RecentTotalSubmission { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? RecentAvgAc { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? RecentMedianAc { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyName("recent_top_10_avg")]
    public double? RecentTop10Avg { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RecentActiveCount { get; init; }
}
