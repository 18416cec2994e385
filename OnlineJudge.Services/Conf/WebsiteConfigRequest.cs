using System.Text.RegularExpressions;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Conf;

/// <summary>Body of <c>POST /api/admin/website</c> (conf.md §2); every field is required.</summary>
public sealed partial class WebsiteConfigRequest
{
    [StringField(MaxLength = 128)]
    public string WebsiteBaseUrl { get; set; } = "";

    [StringField(MaxLength = 64)]
    public string WebsiteName { get; set; } = "";

    [StringField(MaxLength = 64)]
    public string WebsiteNameShortcut { get; set; } = "";

    [StringField(MaxLength = 1024 * 1024)]
    public string WebsiteFooter { get; set; } = "";

    [BooleanField]
    public bool AllowRegister { get; set; }

    [BooleanField]
    public bool SubmissionListShowAll { get; set; }

    [ListField(Check = nameof(CheckClassList)), StringField(MaxLength = 64)]
    public List<string> ClassList { get; set; } = [];

    [BooleanField]
    public bool EnableMaxkb { get; set; }

    /// <summary>Class numbers are 3 or 4 digits (utils.md, class-number helpers); the first bad one is reported.</summary>
    public string? CheckClassList() =>
        ClassList.FirstOrDefault(item => !ClassNumber().IsMatch(item)) is { } bad ? $"班级号 {bad} 必须是 3~4 位数字" : null;

    [GeneratedRegex(@"^[0-9]{3,4}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ClassNumber();
}
