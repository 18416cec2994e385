using System.Globalization;
using System.Text.Json.Nodes;
using OnlineJudge.Data.Entities;
using OnlineJudge.Data.Judge;

namespace OnlineJudge.Services.Judge;

/// <summary>
/// The counting rules of judge.md §6 on the JSON columns they touch, free of I/O so that each rule is unit-tested:
/// <c>problem.statistic_info</c> (result → count), <c>user_profile.acm_problems_status</c> and
/// <c>acm_contest_rank.submission_info</c>.
/// </summary>
public static class StatisticRules
{
    public const string PracticeSection = "problems";
    public const string ContestSection = "contest_problems";

    /// <summary>Penalty of a rejected submission before the accepted one, in seconds (judge.md §6.5).</summary>
    public const int PenaltySeconds = 20 * 60;

    /// <summary>The status a profile records: AST_CHECK_FAILED counts as accepted (data-model.md §3.3).</summary>
    public static int ProfileStatus(int result) => JudgeStatus.IsAccepted(result) ? JudgeStatus.Accepted : result;

    public static string Key(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static void AddResult(JsonObject statisticInfo, int result, int delta)
    {
        var key = Key(result);
        var current = statisticInfo[key] is JsonValue value && value.TryGetValue(out int count) ? count : 0;
        statisticInfo[key] = Math.Max(current + delta, 0);
    }

    /// <summary>The recorded status of a problem in a section, or null when there is none.</summary>
    public static int? StatusOf(JsonObject acmProblemsStatus, string section, int problemId) =>
        acmProblemsStatus[section] is JsonObject entries && entries[Key(problemId)] is JsonObject entry
        && entry["status"] is JsonValue status && status.TryGetValue(out int value)
            ? value
            : null;

    public static void SetStatus(JsonObject acmProblemsStatus, string section, int problemId, string displayId, int status)
    {
        if (acmProblemsStatus[section] is not JsonObject entries)
        {
            entries = [];
            acmProblemsStatus[section] = entries;
        }

        entries[Key(problemId)] = new JsonObject { ["status"] = status, ["_id"] = displayId };
    }

    /// <summary>
    /// A first judge's effect on the submitter's status of a problem (judge.md §6.1, §6.4): recorded unless the problem
    /// was already accepted. Returns whether anything changed and whether the problem became accepted.
    /// </summary>
    public static (bool Changed, bool NewlyAccepted) RecordFirstResult(JsonObject acmProblemsStatus, string section, int problemId,
        string displayId, int result)
    {
        var previous = StatusOf(acmProblemsStatus, section, problemId);
        if (previous == JudgeStatus.Accepted)
        {
            return (false, false);
        }

        SetStatus(acmProblemsStatus, section, problemId, displayId, ProfileStatus(result));
        return (true, JudgeStatus.IsAccepted(result));
    }

    /// <summary>
    /// One counted contest submission on its rank row (judge.md §6.5); returns false when the row does not change (the
    /// problem was already accepted). <paramref name="firstAccepted"/>: nobody had this problem accepted before.
    /// </summary>
    public static bool ApplyToRank(AcmRankRow rank, out AcmRankRow updated, int problemId, int result, int acTimeSeconds, bool firstAccepted)
    {
        updated = rank;
        var key = Key(problemId);
        var entry = rank.SubmissionInfo[key] as JsonObject;
        if (entry is not null && Bool(entry, "is_ac"))
        {
            return false;
        }

        if (entry is null)
        {
            entry = new JsonObject { ["is_ac"] = false, ["ac_time"] = 0, ["error_number"] = 0, ["is_first_ac"] = false };
            rank.SubmissionInfo[key] = entry;
        }

        var submissions = rank.SubmissionNumber + 1;
        var accepted = rank.AcceptedNumber;
        var totalTime = rank.TotalTime;
        var errors = Int(entry, "error_number");
        if (JudgeStatus.IsAccepted(result))
        {
            accepted++;
            entry["is_ac"] = true;
            entry["ac_time"] = acTimeSeconds;
            totalTime += acTimeSeconds + errors * PenaltySeconds;
            if (firstAccepted)
            {
                entry["is_first_ac"] = true;
            }
        }
        else if (result != JudgeStatus.CompileError)
        {
            entry["error_number"] = errors + 1;
        }

        updated = rank with { SubmissionNumber = submissions, AcceptedNumber = accepted, TotalTime = totalTime };
        return true;
    }

    private static bool Bool(JsonObject entry, string name) => entry[name] is JsonValue value && value.TryGetValue(out bool flag) && flag;

    private static int Int(JsonObject entry, string name) =>
        entry[name] is JsonValue value ? value.TryGetValue(out int whole) ? whole : value.TryGetValue(out double real) ? (int)real : 0 : 0;
}
