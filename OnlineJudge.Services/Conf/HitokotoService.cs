using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Storage;

namespace OnlineJudge.Services.Conf;

/// <summary>
/// conf.md §4: a random sentence of a random category of the hitokoto bundle in <c>&lt;data&gt;/hitokoto</c>. Both JSON
/// files are cached under <c>json_data_&lt;file name as given&gt;</c> for 7200 s (platform.md §16).
/// </summary>
public class HitokotoService(CacheService cache, IOptions<StorageOptions> storage, ILogger<HitokotoService> logger)
{
    public const string CategoriesFile = "categories.json";
    public const string Failed = "获取一言失败，请稍后再试";

    public string Directory => Path.Combine(storage.Value.DataRoot, "hitokoto");

    public async Task<ServiceResult<JsonElement>> GetSentenceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var categories = await LoadAsync(CategoriesFile, cancellationToken);
            var category = PickOne(categories);
            if (category.ValueKind != JsonValueKind.Object || !category.TryGetProperty("path", out var path)
                || path.ValueKind != JsonValueKind.String)
            {
                return ServiceError.Of(Failed);
            }

            var sentences = await LoadAsync(path.GetString()!, cancellationToken);
            return PickOne(sentences);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException
            or InvalidDataException or ArgumentException or NotSupportedException)
        {
            logger.LogWarning(exception, "No hitokoto sentence: the bundle in {Directory} is missing or malformed", Directory);
            return ServiceError.Of(Failed);
        }
    }

    private static JsonElement PickOne(JsonElement list) =>
        list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
            ? list[Random.Shared.Next(list.GetArrayLength())]
            : throw new InvalidDataException("expected a non-empty JSON array");

    private Task<JsonElement> LoadAsync(string fileName, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(Directory) + Path.DirectorySeparatorChar;
        var fullPath = Path.GetFullPath(Path.Combine(root, fileName));
        if (!fullPath.StartsWith(root, StringComparison.Ordinal))
        {
            throw new InvalidDataException("path outside the hitokoto folder");
        }

        return cache.GetOrCreateAsync(CacheKeys.HitokotoFile(fileName), CacheKeys.HitokotoFileTtl, async ct =>
        {
            await using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024, FileOptions.Asynchronous);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
            return document.RootElement.Clone();
        }, cancellationToken);
    }
}
