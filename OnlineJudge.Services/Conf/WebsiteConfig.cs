namespace OnlineJudge.Services.Conf;

/// <summary>The site configuration the client loads at start-up (conf.md §1).</summary>
public sealed record WebsiteConfig(
    string WebsiteBaseUrl,
    string WebsiteName,
    string WebsiteNameShortcut,
    string WebsiteFooter,
    bool AllowRegister,
    bool SubmissionListShowAll,
    IReadOnlyList<string> ClassList,
    bool EnableMaxkb);
