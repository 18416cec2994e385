using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Conf;

/// <summary>Settings of the legacy <c>GET /api/admin/versions</c> (section <c>ReleaseNotes</c>).</summary>
public sealed class ReleaseNotesOptions
{
    public const string Section = "ReleaseNotes";

    /// <summary>The upstream release list; empty turns the lookup off (the endpoint then answers <c>null</c>).</summary>
    public string UpstreamUrl { get; set; } = "https://raw.githubusercontent.com/QingdaoU/OnlineJudge/master/docs/data.json";

    public double TimeoutSeconds { get; set; } = 3;

    /// <summary>Reported as <c>local_version</c>; defaults to this build's version.</summary>
    public string? LocalVersion { get; set; }
}

/// <summary>
/// Legacy <c>GET /api/admin/versions</c> (conf.md, legacy table): the upstream release list plus <c>local_version</c>;
/// any failure (unreachable, slow, not a JSON object) answers success with <c>null</c>.
/// </summary>
public class ReleaseNotesService(IConfiguration configuration, ILogger<ReleaseNotesService> logger)
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task<ServiceResult<JsonObject?>> GetAsync(CancellationToken cancellationToken)
    {
        var options = configuration.GetSection(ReleaseNotesOptions.Section).Get<ReleaseNotesOptions>() ?? new ReleaseNotesOptions();
        if (!Uri.TryCreate(options.UpstreamUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return ServiceResult<JsonObject?>.Ok(null);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Clamp(options.TimeoutSeconds, 0.1, 30)));
        JsonObject? releases;
        try
        {
            using var response = await Http.GetAsync(url, HttpCompletionOption.ResponseContentRead, timeout.Token);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            releases = await JsonNode.ParseAsync(body, cancellationToken: timeout.Token) as JsonObject;
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or OperationCanceledException
            && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation(exception, "Release list {Url} unavailable", url);
            return ServiceResult<JsonObject?>.Ok(null);
        }

        if (releases is null)
        {
            return ServiceResult<JsonObject?>.Ok(null);
        }

        releases["local_version"] = options.LocalVersion ?? LocalBuildVersion();
        return releases;
    }

    private static string LocalBuildVersion()
    {
        var assembly = typeof(ReleaseNotesService).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "";
    }
}
