using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace OnlineJudge.Services.Judge;

/// <summary>
/// The HTTP side of judge.md §3: <c>POST {service_url origin}/judge</c> with the token hash header. A typed client
/// (<c>IHttpClientFactory</c>): the connect timeout lives in its handler, the answer timeout per call.
/// </summary>
public class JudgeServerClient(HttpClient http, IOptions<JudgeOptions> options)
{
    public const string TokenHeader = "X-Judge-Server-Token";

    public async Task<JudgeCallResult> JudgeAsync(string? serviceUrl, string tokenHash, JudgeRequest request, CancellationToken cancellationToken)
    {
        if (!TryJudgeUrl(serviceUrl, out var url))
        {
            return new JudgeCallResult(JudgeCallOutcome.Failed, null, $"invalid service_url \"{serviceUrl}\"");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds));
        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(request) };
        message.Headers.TryAddWithoutValidation(TokenHeader, tokenHash);
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return new JudgeCallResult(JudgeCallOutcome.Failed, null, $"HTTP {(int)response.StatusCode} from {url}");
            }

            return JudgeReplyParser.Parse(body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new JudgeCallResult(JudgeCallOutcome.Failed, null, $"no answer from {url} within {options.Value.RequestTimeoutSeconds} s");
        }
        catch (HttpRequestException exception) when (IsConnectFailure(exception))
        {
            return new JudgeCallResult(JudgeCallOutcome.Unreachable, null, $"{url}: {exception.Message}");
        }
        catch (HttpRequestException exception)
        {
            return new JudgeCallResult(JudgeCallOutcome.Failed, null, $"{url}: {exception.Message}");
        }
    }

    /// <summary>The scheme and authority of <paramref name="serviceUrl"/> with the path <c>/judge</c> (judge.md §2.4).</summary>
    public static bool TryJudgeUrl(string? serviceUrl, out Uri url)
    {
        url = null!;
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var service) || service.Scheme is not ("http" or "https"))
        {
            return false;
        }

        url = new Uri(service.GetLeftPart(UriPartial.Authority) + "/judge");
        return true;
    }

    /// <summary>Failures before the request was sent: the judge server never saw it.</summary>
    private static bool IsConnectFailure(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
}
