using System.Text.Json;
using OnlineJudge.Data.Conf;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Realtime;
using OnlineJudge.Data.Transactions;

namespace OnlineJudge.Services.Conf;

/// <summary>
/// Site options with the reference's defaults (platform.md §15); missing rows are created on first read. The website
/// configuration is cached in Redis under <c>website_config</c>; writers delete that key.
/// </summary>
public class SiteOptionsService(SysOptionRepository options, TransactionRunner transactions, CacheService cache, RealtimePublisher realtime)
{

    public static readonly IReadOnlyDictionary<string, JsonElement> WebsiteDefaults = new Dictionary<string, JsonElement>
    {
        ["website_base_url"] = JsonSerializer.SerializeToElement("http://127.0.0.1"),
        ["website_name"] = JsonSerializer.SerializeToElement("Online Judge"),
        ["website_name_shortcut"] = JsonSerializer.SerializeToElement("oj"),
        ["website_footer"] = JsonSerializer.SerializeToElement("Online Judge Footer"),
        ["allow_register"] = JsonSerializer.SerializeToElement(true),
        ["submission_list_show_all"] = JsonSerializer.SerializeToElement(true),
        ["class_list"] = JsonSerializer.SerializeToElement(Array.Empty<string>()),
        ["enable_maxkb"] = JsonSerializer.SerializeToElement(true),
    };

    public Task<WebsiteConfig> GetWebsiteConfigAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(CacheKeys.WebsiteConfig, CacheKeys.WebsiteConfigTtl, LoadWebsiteConfigAsync, cancellationToken);

    /// <summary>
    /// conf.md §2: stores the eight options in one transaction (the footer sanitised, platform.md §14), drops the cached
    /// configuration and pushes one <c>config_update</c> frame per option, in the table's order, to every config socket.
    /// </summary>
    public async Task<ServiceResult> SaveWebsiteConfigAsync(WebsiteConfigRequest request, CancellationToken cancellationToken)
    {
        var values = new List<KeyValuePair<string, JsonElement>>
        {
            new("website_base_url", JsonSerializer.SerializeToElement(request.WebsiteBaseUrl)),
            new("website_name", JsonSerializer.SerializeToElement(request.WebsiteName)),
            new("website_name_shortcut", JsonSerializer.SerializeToElement(request.WebsiteNameShortcut)),
            new("website_footer", JsonSerializer.SerializeToElement(RichTextSanitizer.Sanitize(request.WebsiteFooter))),
            new("allow_register", JsonSerializer.SerializeToElement(request.AllowRegister)),
            new("submission_list_show_all", JsonSerializer.SerializeToElement(request.SubmissionListShowAll)),
            new("class_list", JsonSerializer.SerializeToElement(request.ClassList)),
            new("enable_maxkb", JsonSerializer.SerializeToElement(request.EnableMaxkb)),
        };
        await transactions.ExecuteAsync(ct => options.UpsertAsync(values.ToDictionary(), ct), cancellationToken);
        await cache.DeleteAsync(CacheKeys.WebsiteConfig);
        foreach (var (key, value) in values)
        {
            await realtime.PublishAsync(RealtimePublisher.ConfigUpdatesGroup, new ConfigUpdateFrame(key, value), CancellationToken.None);
        }

        return ServiceResult.Ok();
    }

    private async Task<WebsiteConfig> LoadWebsiteConfigAsync(CancellationToken cancellationToken)
    {
        var values = await options.GetAsync([.. WebsiteDefaults.Keys], cancellationToken);
        if (values.Count < WebsiteDefaults.Count)
        {
            var missing = WebsiteDefaults.Where(d => !values.ContainsKey(d.Key)).ToDictionary(d => d.Key, d => d.Value);
            await options.InsertMissingAsync(missing, cancellationToken);
            foreach (var (key, value) in missing)
            {
                values[key] = value;
            }
        }

        return new WebsiteConfig(
            String(values, "website_base_url"),
            String(values, "website_name"),
            String(values, "website_name_shortcut"),
            String(values, "website_footer"),
            Bool(values, "allow_register"),
            Bool(values, "submission_list_show_all"),
            values["class_list"] is { ValueKind: JsonValueKind.Array } list
                ? [.. list.EnumerateArray().Select(item => item.ToString())]
                : [],
            Bool(values, "enable_maxkb"));
    }

    private static string String(Dictionary<string, JsonElement> values, string key) =>
        values[key] is { ValueKind: JsonValueKind.String } value ? value.GetString()! : values[key].ToString();

    private static bool Bool(Dictionary<string, JsonElement> values, string key) =>
        values[key].ValueKind == JsonValueKind.True;
}
