using System.Reflection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace OnlineJudge.Services.Storage;

/// <summary>
/// Files a fresh site needs before anyone uploads anything, written at start when missing (never overwritten, so a
/// site replaces them by putting its own in place): the avatar every new profile points to
/// (<c>/public/avatar/default.png</c>) and a small hitokoto bundle of our own sentences (<c>&lt;DataDir&gt;/hitokoto</c>,
/// the format of conf.md §4) so that the home page shows a quote instead of an error.
/// </summary>
public sealed partial class FirstRunDefaults(IOptions<StorageOptions> storage, ILogger<FirstRunDefaults> logger) : IHostedService
{
    public const string DefaultAvatarFile = "default.png";
    private const string HitokotoResourcePrefix = "OnlineJudge.Services.Storage.Defaults.hitokoto.";

    /// <summary>The bundled hitokoto files, relative to <c>&lt;DataDir&gt;/hitokoto</c>.</summary>
    private static readonly string[] HitokotoFiles = ["categories.json", "sentences/p.json", "sentences/l.json"];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureDefaultAvatarAsync(cancellationToken);
            await EnsureHitokotoAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A read-only data folder must not stop the site: the avatar shows broken and the quote fails, as before.
            LogNotWritten(logger, exception, storage.Value.DataRoot);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureDefaultAvatarAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(storage.Value.AvatarDir, DefaultAvatarFile);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(storage.Value.AvatarDir);
        await WriteNewFileAsync(path, DrawAvatar(), cancellationToken);
        LogCreated(logger, path);
    }

    /// <summary>The bundle is written only when the folder has no <c>categories.json</c>: a site's own bundle is left alone.</summary>
    private async Task EnsureHitokotoAsync(CancellationToken cancellationToken)
    {
        var root = Path.Combine(storage.Value.DataRoot, "hitokoto");
        if (File.Exists(Path.Combine(root, "categories.json")))
        {
            return;
        }

        var assembly = Assembly.GetExecutingAssembly();
        // categories.json last: a bundle interrupted half-way is completed at the next start.
        foreach (var file in HitokotoFiles.Reverse())
        {
            var target = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using var resource = assembly.GetManifestResourceStream(HitokotoResourcePrefix + Path.GetFileName(file))
                                       ?? throw new InvalidOperationException("Missing embedded resource for " + file);
            using var buffer = new MemoryStream();
            await resource.CopyToAsync(buffer, cancellationToken);
            await WriteNewFileAsync(target, buffer.ToArray(), cancellationToken, overwrite: file != "categories.json");
        }

        LogCreated(logger, root);
    }

    /// <summary>
    /// Writes through a temporary file and a rename, so that another instance starting at the same time (a cluster
    /// sharing the data folder) never serves half a file; losing the race to it is fine.
    /// </summary>
    private static async Task WriteNewFileAsync(string path, byte[] content, CancellationToken cancellationToken, bool overwrite = false)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        try
        {
            File.Move(temporary, path, overwrite);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }

    /// <summary>A neutral silhouette: a grey head and shoulders on a light background, 200 × 200.</summary>
    internal static byte[] DrawAvatar()
    {
        const int size = 200;
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0xE8, 0xEB, 0xEF));
        using var paint = new SKPaint();
        paint.IsAntialias = true;
        paint.Color = new SKColor(0xA9, 0xB1, 0xBC);
        canvas.DrawCircle(size / 2f, 78, 38, paint);
        canvas.DrawOval(new SKRect(38, 128, 162, 240), paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "First run: created {Path}")]
    private static partial void LogCreated(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the first-run default files under {DataRoot}")]
    private static partial void LogNotWritten(ILogger logger, Exception exception, string dataRoot);
}
