using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Conf;

/// <summary>Settings of the legacy <c>GET /api/admin/versions</c> (section <c>ReleaseNotes</c>).</summary>
public sealed class ReleaseNotesOptions : IValidatableObject
{
    public const string Section = "ReleaseNotes";

    /// <summary>The upstream release list; empty turns the lookup off (the endpoint then answers <c>null</c>).</summary>
    public string UpstreamUrl { get; set; } = "https://raw.githubusercontent.com/QingdaoU/OnlineJudge/master/docs/data.json";

    [Range(0.1, 30, ErrorMessage = "ReleaseNotes:TimeoutSeconds must be between 0.1 and 30")]
    public double TimeoutSeconds { get; set; } = 3;

    /// <summary>Reported as <c>local_version</c>; defaults to this build's version.</summary>
    public string? LocalVersion { get; set; }

    /// <summary>The upstream list's address; null when the lookup is off.</summary>
    public Uri? Upstream => string.IsNullOrEmpty(UpstreamUrl) ? null : new Uri(UpstreamUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(UpstreamUrl)
            && (!Uri.TryCreate(UpstreamUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("ReleaseNotes:UpstreamUrl must be empty or an http or https URL", [nameof(UpstreamUrl)]);
        }
    }
}

/// <summary>
/// Legacy <c>GET /api/admin/versions</c> (conf.md, legacy table): the upstream release list plus <c>local_version</c>;
/// any failure (unreachable, slow, not a JSON object) answers success with <c>null</c>. A typed
/// <see cref="IHttpClientFactory"/> client whose timeout is <see cref="ReleaseNotesOptions.TimeoutSeconds"/>.
/// </summary>
public class ReleaseNotesService(HttpClient http, IOptions<ReleaseNotesOptions> settings, ILogger<ReleaseNotesService> logger)
{
    public async Task<ServiceResult<JsonObject?>> GetAsync(CancellationToken cancellationToken)
    {
        var options = settings.Value;
        if (options.Upstream is not { } url)
        {
            return ServiceResult<JsonObject?>.Ok(null);
        }

        JsonObject? releases;
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            releases = await JsonNode.ParseAsync(body, cancellationToken: cancellationToken) as JsonObject;
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
