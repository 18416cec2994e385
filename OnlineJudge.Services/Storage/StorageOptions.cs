using System.ComponentModel.DataAnnotations;

namespace OnlineJudge.Services.Storage;

/// <summary>Where files live (platform.md §18, data-model.md §5).</summary>
public class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Root of all data files; relative paths are resolved against the current directory.</summary>
    [Required(ErrorMessage = "Storage:DataDir is required")]
    public string DataDir { get; set; } = "data";

    /// <summary>Test-case folders shared with the judge servers; default <c>&lt;DataDir&gt;/test_case</c>.</summary>
    public string? TestCaseDir { get; set; }

    /// <summary>Largest avatar accepted, in bytes.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Storage:MaxAvatarBytes must be positive")]
    public long MaxAvatarBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Largest rich-text upload (image or file) accepted, in bytes.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Storage:MaxUploadBytes must be positive")]
    public long MaxUploadBytes { get; set; } = 50 * 1024 * 1024;

    public string DataRoot => Path.GetFullPath(DataDir);

    /// <summary>Served as <c>/public</c>.</summary>
    public string PublicDir => Path.Combine(DataRoot, "public");

    public string AvatarDir => Path.Combine(PublicDir, "avatar");

    public string UploadDir => Path.Combine(PublicDir, "upload");

    public string TestCaseRoot => Path.GetFullPath(TestCaseDir ?? Path.Combine(DataRoot, "test_case"));
}
