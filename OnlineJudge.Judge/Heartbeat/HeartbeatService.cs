using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OnlineJudge.Judge.Options;
using OnlineJudge.Judge.Protocol;

namespace OnlineJudge.Judge.Heartbeat;

/// <summary>
/// Registers this server with the backend: every few seconds <c>POST /api/judge_server_heartbeat/</c> with the server's
/// info, <c>"action": "heartbeat"</c> and its service URL, token header = SHA-256 of the shared token (judge.md §9.1).
/// The backend stops dispatching to a server whose heartbeats stop.
/// </summary>
public sealed class HeartbeatService(
    IHttpClientFactory httpClientFactory,
    IOptions<JudgeServerOptions> options,
    ServerInfo serverInfo,
    ILogger<HeartbeatService> logger) : BackgroundService
{
    public const string HttpClientName = "heartbeat";
    public const string DefaultPath = "/api/judge_server_heartbeat/";

    /// <summary>A base URL gets the heartbeat path; a URL that already names the heartbeat endpoint (upstream's BACKEND_URL) is kept.</summary>
    public static Uri HeartbeatUrl(string backendUrl)
    {
        var uri = new Uri(backendUrl, UriKind.Absolute);
        return uri.AbsolutePath.TrimEnd('/').EndsWith("judge_server_heartbeat", StringComparison.Ordinal)
            ? uri
            : new Uri(uri, uri.AbsolutePath.TrimEnd('/') + DefaultPath);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.BackendUrl))
        {
            logger.LogInformation("JudgeServer:BackendUrl is empty: no heartbeats are sent");
            return;
        }

        var url = HeartbeatUrl(settings.BackendUrl);
        var tokenHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(settings.Token)));
        logger.LogInformation("Sending heartbeats to {Url} as {Hostname} ({ServiceUrl})", url, settings.EffectiveHostname, settings.EffectiveServiceUrl);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.HeartbeatIntervalSeconds));
        var failing = false;
        do
        {
            failing = await BeatAsync(url, tokenHash, failing, stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Returns whether this beat failed; a failure is logged as a warning once, then at debug level until it recovers.</summary>
    private async Task<bool> BeatAsync(Uri url, string tokenHash, bool wasFailing, CancellationToken stoppingToken)
    {
        var body = serverInfo.Describe();
        body.Add("action", "heartbeat");
        body.Add("service_url", options.Value.EffectiveServiceUrl);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(PythonJson.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-JUDGE-SERVER-TOKEN", tokenHash);
        string? problem;
        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, stoppingToken);
            var text = await response.Content.ReadAsStringAsync(stoppingToken);
            problem = ProblemIn(text);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return wasFailing;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            problem = e.Message;
        }

        if (problem is null)
        {
            if (wasFailing)
            {
                logger.LogInformation("Heartbeats to {Url} accepted again", url);
            }

            return false;
        }

        logger.Log(wasFailing ? LogLevel.Debug : LogLevel.Warning, "Heartbeat to {Url} failed: {Problem}", url, problem);
        return true;
    }

    /// <summary>The backend answers its envelope; a truthy <c>error</c> means it refused the heartbeat.</summary>
    private static string? ProblemIn(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error))
            {
                return "Invalid heartbeat response";
            }

            return error.ValueKind is JsonValueKind.Null or JsonValueKind.False
                ? null
                : root.TryGetProperty("data", out var data) ? data.ToString() : error.ToString();
        }
        catch (JsonException)
        {
            return "Invalid heartbeat response";
        }
    }
}
