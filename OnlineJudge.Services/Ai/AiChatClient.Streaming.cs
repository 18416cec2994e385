using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OnlineJudge.Services.Ai;

public sealed partial class AiChatClient
{
    /// <summary>Name of the plain <see cref="HttpClient"/> of streamed answers and single attempts (no retries, no total timeout).</summary>
    public const string SingleAttemptClientName = "OnlineJudge.Ai.SingleAttempt";

    public async IAsyncEnumerable<AiStreamEvent> StreamAsync(string system, string user, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Settings.IsConfigured)
        {
            yield return new AiStreamEvent(AiStreamEventKind.Failed, MissingKey);
            yield break;
        }

        var opened = await OpenStreamAsync(system, user, cancellationToken);
        if (opened.Error is { } openError)
        {
            yield return new AiStreamEvent(AiStreamEventKind.Failed, openError);
            yield break;
        }

        using var response = opened.Response!;
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(body);
        yield return new AiStreamEvent(AiStreamEventKind.Started);
        while (true)
        {
            var (line, readError) = await ReadLineAsync(reader, cancellationToken);
            if (readError is not null)
            {
                yield return new AiStreamEvent(AiStreamEventKind.Failed, readError);
                yield break;
            }

            if (line is null)
            {
                yield break;
            }

            if (!line.StartsWith("data:", StringComparison.Ordinal))
            {
                continue;
            }

            var payload = line[5..].Trim();
            if (payload == "[DONE]")
            {
                yield break;
            }

            var chunk = ParseChunk(payload);
            if (chunk.Kind is AiStreamEventKind.Finished or AiStreamEventKind.Failed || chunk.Text.Length > 0)
            {
                yield return chunk;
            }

            if (chunk.Kind is AiStreamEventKind.Finished or AiStreamEventKind.Failed)
            {
                yield break;
            }
        }
    }

    /// <summary>Sends the request and waits for the answer's headers (at most the timeout); a refusal is an error text.</summary>
    private async Task<(HttpResponseMessage? Response, string? Error)> OpenStreamAsync(string system, string user, CancellationToken cancellationToken)
    {
        using var request = BuildRequest(system, user, temperature: null, stream: true);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Settings.Timeout);
        HttpResponseMessage? response = null;
        try
        {
            response = await clients.CreateClient(SingleAttemptClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return (response, null);
            }

            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            LogProviderFailure(logger, (int)response.StatusCode, Shorten(text));
            response.Dispose();
            return (null, $"{FailurePrefix}HTTP {(int)response.StatusCode}");
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            response?.Dispose();
            LogProviderException(logger, exception);
            return (null, FailurePrefix + Describe(exception));
        }
    }

    /// <summary>The next line of the stream, null at its end; a pause longer than the timeout or a broken connection is an error text.</summary>
    private async Task<(string? Line, string? Error)> ReadLineAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(Settings.Timeout);
        try
        {
            return (await reader.ReadLineAsync(idle.Token), null);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogProviderException(logger, exception);
            return (null, FailurePrefix + Describe(exception));
        }
    }

    /// <summary>
    /// One <c>chat.completion.chunk</c>: a finish reason ends the answer (checked before the content, as the reference
    /// does, so text carried by the finishing chunk is dropped); else its <c>delta.content</c>, empty when none.
    /// </summary>
    private static AiStreamEvent ParseChunk(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("choices", out var choices)
                || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0 || choices[0].ValueKind != JsonValueKind.Object)
            {
                return new AiStreamEvent(AiStreamEventKind.Delta);
            }

            var choice = choices[0];
            if (choice.TryGetProperty("finish_reason", out var finish) && finish.ValueKind != JsonValueKind.Null)
            {
                return new AiStreamEvent(AiStreamEventKind.Finished);
            }

            return choice.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object
                   && delta.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String
                ? new AiStreamEvent(AiStreamEventKind.Delta, content.GetString()!)
                : new AiStreamEvent(AiStreamEventKind.Delta);
        }
        catch (JsonException)
        {
            return new AiStreamEvent(AiStreamEventKind.Failed, FailurePrefix + "响应不是有效的 JSON");
        }
    }
}
