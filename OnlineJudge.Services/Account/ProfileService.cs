using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OnlineJudge.Data.Account;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Storage;
using SkiaSharp;
using OnlineJudge.Data.Transactions;

namespace OnlineJudge.Services.Account;

/// <summary>Profiles, avatars and metrics (account.md A4–A8).</summary>
public class ProfileService(ProfileRepository profiles, TransactionRunner transactions, IOptions<StorageOptions> storage, TimeProvider time)
{
    public const string AvatarUrlPrefix = "/public/avatar/";

    /// <summary>Largest image area decoded to verify an avatar (a small file can declare a huge canvas).</summary>
    public const long MaxAvatarPixels = 4096L * 4096L;

    private static readonly string[] AllowedExtensions = [".gif", ".jpg", ".jpeg", ".bmp", ".png"];

    /// <summary>Anonymous → null; no username → own profile with real name; else an enabled user's, real name hidden.</summary>
    public async Task<ServiceResult<ProfileDto?>> GetAsync(CurrentUser? caller, string? username, CancellationToken cancellationToken)
    {
        if (caller is null)
        {
            return ServiceResult<ProfileDto?>.Ok(null);
        }

        var profile = string.IsNullOrEmpty(username)
            ? await profiles.GetOwnProfileAsync(caller.Id, cancellationToken)
            : await profiles.GetPublicProfileAsync(username, cancellationToken);
        return profile is null ? ServiceError.Of("User does not exist") : profile;
    }

    public async Task<ServiceResult<ProfileDto?>> UpdateAsync(int userId, UpdateProfileRequest request, CancellationToken cancellationToken)
    {
        var changes = new ProfileChangesDto
        {
            SetRealName = request.RealNameSent,
            RealName = string.IsNullOrWhiteSpace(request.RealName) ? null : request.RealName,
            Avatar = request.Avatar,
            Blog = request.Blog,
            Mood = request.Mood,
            Github = request.Github,
            School = request.School,
            Major = request.Major,
            Language = request.Language,
        };
        if (!await profiles.UpdateAsync(userId, changes, cancellationToken))
        {
            return ServiceError.Of("User does not exist");
        }

        return await profiles.GetOwnProfileAsync(userId, cancellationToken);
    }

    /// <summary>
    /// Stores an avatar (account.md A6) after checking it really is a GIF, JPEG, BMP or PNG image: the bytes are decoded,
    /// not trusted by their extension. The file gets a random name with the extension of its actual format.
    /// </summary>
    public async Task<ServiceResult<string>> UploadAvatarAsync(int userId, IFormFile? file, CancellationToken cancellationToken)
    {
        var options = storage.Value;
        if (file is null || file.Length == 0)
        {
            return ServiceError.Of("Invalid file content");
        }

        if (file.Length > options.MaxAvatarBytes)
        {
            return ServiceError.Of("Picture is too large");
        }

        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (!AllowedExtensions.Contains(extension))
        {
            return ServiceError.Of("Unsupported file format");
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        // Decoding the whole image is CPU work: off the request thread.
        var (format, tooLarge) = await Task.Run(() => (DetectImageFormat(bytes, out var large), large), cancellationToken);
        if (tooLarge)
        {
            return ServiceError.Of("Picture is too large");
        }

        var storedExtension = format switch
        {
            SKEncodedImageFormat.Png => ".png",
            SKEncodedImageFormat.Gif => ".gif",
            SKEncodedImageFormat.Bmp => ".bmp",
            SKEncodedImageFormat.Jpeg => extension is ".jpg" or ".jpeg" ? extension : ".jpg",
            _ => null,
        };
        if (storedExtension is null)
        {
            return ServiceError.Of("Invalid file content");
        }

        var name = RandomStrings.LowerHex(10) + storedExtension;
        Directory.CreateDirectory(options.AvatarDir);
        await using (var output = new FileStream(Path.Combine(options.AvatarDir, name), FileMode.CreateNew, FileAccess.Write, FileShare.None,
                         bufferSize: 81920, useAsync: true))
        {
            await output.WriteAsync(bytes, cancellationToken);
        }

        return await profiles.SetAvatarAsync(userId, AvatarUrlPrefix + name, cancellationToken)
            ? "Succeeded"
            : ServiceError.Of("User does not exist");
    }

    public async Task<ServiceResult> RefreshDisplayIdsAsync(int userId, CancellationToken cancellationToken)
    {
        await transactions.ExecuteAsync(ct => profiles.RefreshProblemDisplayIdsAsync(userId, ct), cancellationToken);
        return ServiceResult.Ok();
    }

    /// <summary>GET /api/metrics: first and newest non-contest submission of any user, by id.</summary>
    public async Task<ServiceResult<MetricsResult>> GetMetricsAsync(int? userId, CancellationToken cancellationToken)
    {
        var span = userId is { } id ? await profiles.GetSubmissionSpanAsync(id, cancellationToken) : null;
        return span is null
            ? ServiceError.Of("暂无提交")
            : new MetricsResult(time.GetUtcNow().UtcDateTime, span.Latest, span.First);
    }

    /// <summary>The format of a fully decodable image, or null; <paramref name="tooLarge"/> when its canvas is too big to check.</summary>
    private static SKEncodedImageFormat? DetectImageFormat(byte[] bytes, out bool tooLarge)
    {
        tooLarge = false;
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return null;
        }

        if ((long)codec.Info.Width * codec.Info.Height > MaxAvatarPixels)
        {
            tooLarge = true;
            return null;
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        return result == SKCodecResult.Success ? codec.EncodedFormat : null;
    }
}
