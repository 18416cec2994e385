using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OnlineJudge.Services.Ai;

/// <summary>
/// Runs a streamed answer and writes it in the wire format of ai.md §2.0: <c>event: start</c> once the provider
/// accepted, one <c>data: {"type": "delta", …}</c> per fragment, <c>done</c> after a finish reason (the completion
/// action runs first), <c>error</c> on failure, always <c>event: end</c> last; events separated by exactly <c>\n\n</c>.
/// The caller's token is the browser's connection: cancelling it stops reading from the provider (nothing is stored).
/// </summary>
public class AiEventStream(IAiChatClient ai, ILogger<AiEventStream> logger)
{
    public const string Start = "event: start\n\n";
    public const string End = "event: end\n\n";

    /// <summary>Streams <paramref name="plan"/>; <paramref name="write"/> sends one event and flushes it.</summary>
    public async Task RunAsync(AiStreamPlan plan, Func<string, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        await foreach (var step in ai.StreamAsync(plan.SystemPrompt, plan.UserPrompt, cancellationToken))
        {
            switch (step.Kind)
            {
                case AiStreamEventKind.Started:
                    await write(Start, cancellationToken);
                    break;
                case AiStreamEventKind.Delta:
                    text.Append(step.Text);
                    await write(Data(new { type = "delta", content = step.Text }), cancellationToken);
                    break;
                case AiStreamEventKind.Finished:
                    var failure = await CompleteAsync(plan, text.ToString().Trim(), cancellationToken);
                    await write(failure is null ? Data(new { type = "done" }) : Data(new { type = "error", message = failure }), cancellationToken);
                    break;
                case AiStreamEventKind.Failed:
                    await write(Data(new { type = "error", message = step.Text }), cancellationToken);
                    break;
            }
        }

        await write(End, cancellationToken);
    }

    private async Task<string?> CompleteAsync(AiStreamPlan plan, string text, CancellationToken cancellationToken)
    {
        if (plan.OnFinished is null)
        {
            return null;
        }

        try
        {
            await plan.OnFinished(text, cancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Storing a finished AI analysis failed");
            return "分析结果保存失败";
        }
    }

    /// <summary>One <c>data:</c> event: single-line JSON.</summary>
    public static string Data<T>(T payload) => "data: " + JsonSerializer.Serialize(payload, EventJson) + "\n\n";

    private static readonly JsonSerializerOptions EventJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
