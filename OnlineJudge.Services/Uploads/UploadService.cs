using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Storage;

namespace OnlineJudge.Services.Uploads;

/// <summary>
/// The bare object of <c>upload_image</c> (utils.md §1); <c>file_path</c> is always present. Not an envelope.
/// </summary>
public sealed record ImageUploadResult(bool Success, string Msg, string FilePath);

/// <summary>The bare object of the legacy <c>upload_file</c> (utils.md §2): path and name only on success.</summary>
public sealed record FileUploadResult(
    bool Success,
    string Msg,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? FilePath = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? FileName = null);

/// <summary>
/// Rich-text uploads into <c>&lt;data&gt;/public/upload</c>, served as <c>/public/upload/&lt;name&gt;</c>. Stored names are
/// <c>rand_str(10)</c> plus the original extension (letters and digits only), so nothing of the client's file name
/// reaches the path. Files larger than <see cref="StorageOptions.MaxUploadBytes"/> are refused.
/// </summary>
public class UploadService(IOptions<StorageOptions> storage, ILogger<UploadService> logger)
{
    public const string UploadFailed = "Upload failed";
    public const string UnsupportedFormat = "Unsupported file format";
    public const string UploadError = "Upload Error";
    public const string TooLarge = "File too large";
    public const string Succeeded = "Success";

    private static readonly HashSet<string> ImageExtensions = new(StringComparer.Ordinal) { ".gif", ".jpg", ".jpeg", ".bmp", ".png" };

    public long MaxBytes => storage.Value.MaxUploadBytes;

    public async Task<ImageUploadResult> SaveImageAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return new ImageUploadResult(false, UploadFailed, "");
        }

        var extension = Path.GetExtension(Path.GetFileName(file.FileName)).ToLowerInvariant();
        if (!ImageExtensions.Contains(extension))
        {
            return new ImageUploadResult(false, UnsupportedFormat, "");
        }

        if (file.Length > MaxBytes)
        {
            return new ImageUploadResult(false, TooLarge, "");
        }

        var path = await StoreAsync(file, extension, cancellationToken);
        return path is null ? new ImageUploadResult(false, UploadError, "") : new ImageUploadResult(true, Succeeded, path);
    }

    public async Task<FileUploadResult> SaveFileAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return new FileUploadResult(false, UploadFailed);
        }

        if (file.Length > MaxBytes)
        {
            return new FileUploadResult(false, TooLarge);
        }

        var originalName = Path.GetFileName(file.FileName.Replace('\\', '/'));
        var path = await StoreAsync(file, SafeExtension(originalName), cancellationToken);
        return path is null ? new FileUploadResult(false, UploadError) : new FileUploadResult(true, Succeeded, path, originalName);
    }

    /// <summary>The extension as given (with its dot), or nothing when it holds anything but ASCII letters and digits.</summary>
    private static string SafeExtension(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        return extension.Length is > 1 and <= 16 && extension.Skip(1).All(char.IsAsciiLetterOrDigit) ? extension : "";
    }

    /// <summary>Writes the file under a new random name; returns its public path, or null on a write error.</summary>
    private async Task<string?> StoreAsync(IFormFile file, string extension, CancellationToken cancellationToken)
    {
        var directory = storage.Value.UploadDir;
        var name = RandomStrings.LowerHex(10) + extension;
        var fullPath = Path.Combine(directory, name);
        var created = false;
        try
        {
            Directory.CreateDirectory(directory);
            // CreateNew: a name collision fails instead of overwriting someone else's file.
            await using var target = new FileStream(fullPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
            created = true;
            await file.CopyToAsync(target, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogError(exception, "Could not store upload {Name}", name);
            if (created)
            {
                TryDelete(fullPath);
            }

            return null;
        }

        return "/public/upload/" + name;
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(exception, "Could not remove the partial upload {Path}", path);
        }
    }
}
