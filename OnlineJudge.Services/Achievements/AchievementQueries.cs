using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Achievements;

/// <summary>The trophy hall's target: <c>name</c>, a username; absent or empty means the caller.</summary>
public sealed class AchievementTargetQuery
{
    [QueryText] public string? Name { get; set; }
}

/// <summary>Query of <c>GET /api/admin/achievement</c>: one achievement with <c>id</c>, else all.</summary>
public sealed class AdminAchievementQuery
{
    [QueryInteger] public long? Id { get; set; }
}

/// <summary>Query of <c>DELETE /api/admin/achievement</c>: a positive id.</summary>
public sealed class AchievementDeleteQuery
{
    [QueryInteger(Missing = AchievementRequest.InvalidParameter, Invalid = AchievementRequest.InvalidParameter, Positive = true)]
    public long Id { get; set; }
}
