using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.ProblemSets;

/// <summary>
/// The URL shapes of problemset.md §3, registered by the reference for handlers that cannot serve them (it crashed
/// there): after the permission checks and body validation they answer an error that names the URL to use (spec
/// README, decision 5).
/// </summary>
public static class ProblemSetPaths
{
    public static ServiceError Unsupported(string use) => ServiceError.Of("This URL does not serve this request; use " + use);
}
