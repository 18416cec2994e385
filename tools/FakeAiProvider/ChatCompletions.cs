using Microsoft.AspNetCore.Http;

namespace OnlineJudge.Tools.FakeAi;

/// <summary>Whole answers of an OpenAI-compatible provider (ai.md §4.3); streamed ones are <see cref="ScriptedStream"/>.</summary>
public static class ChatCompletions
{
    /// <summary>The path our client posts to, below <c>Ai:BaseUrl</c>.</summary>
    public const string Path = "/chat/completions";

    /// <summary>A chat completion whose <c>choices[0].message.content</c> is <paramref name="content"/>.</summary>
    public static IResult Reply(string? content) =>
        Results.Json(new { id = "chatcmpl-1", @object = "chat.completion", choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } } });

    public static IResult NoChoices() => Results.Json(new { id = "chatcmpl-1", choices = Array.Empty<object>() });
}
