using OnlineJudge.Data.Json;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Common;

/// <summary>
/// The <c>start</c>/<c>end</c> query parameters of the teachers' statistics panels (submission.md §2.2, flowchart.md
/// §2.1): <c>end</c> required, <c>start</c> optional, both ISO 8601.
/// </summary>
public readonly record struct StatisticsWindow(DateTime? Start, DateTime End)
{
    public static ServiceResult<StatisticsWindow> Parse(string? start, string? end)
    {
        if (string.IsNullOrEmpty(end))
        {
            return ServiceError.Of("end is required");
        }

        if (!TimeFormats.TryParse(end, out var to))
        {
            return new ServiceError("invalid-end", "end: Datetime has wrong format, expected an ISO 8601 date-time");
        }

        if (string.IsNullOrEmpty(start))
        {
            return new StatisticsWindow(null, to);
        }

        return TimeFormats.TryParse(start, out var from)
            ? new StatisticsWindow(from, to)
            : new ServiceError("invalid-start", "start: Datetime has wrong format, expected an ISO 8601 date-time");
    }
}

/// <summary>
/// Query of the teachers' statistics panels, <c>GET /api/admin/submission/statistics</c> (submission.md §2.2) and
/// <c>GET /api/admin/flowchart/statistics</c> (flowchart.md §2.1): the window, an optional problem and a class member.
/// </summary>
public sealed class StatisticsQuery
{
    [QueryText]
    public string? Start { get; set; }

    [QueryText]
    public string? End { get; set; }

    [QueryText]
    public string? ProblemId { get; set; }

    [QueryText]
    public string? Username { get; set; }
}
