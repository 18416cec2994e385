using Microsoft.AspNetCore.Http;

namespace OnlineJudge.Tests.Infrastructure;

/// <summary>What tests of the AI features tell and ask the <see cref="FakeUpstream"/> standing in for the provider.</summary>
public static class FakeProviderExtensions
{
    /// <summary>Answers every call with <paramref name="content"/>, after checking the bearer key (401 otherwise).</summary>
    public static void AnswerWith(this FakeUpstream upstream, string content) =>
        upstream.Answer(context => Task.FromResult(context.Request.Headers.Authorization != "Bearer " + FakeUpstream.ApiKey
            ? Results.StatusCode(401)
            : ChatCompletions.Reply(content)));

    /// <summary>The JSON bodies of the chat calls received since the last reset.</summary>
    public static List<JsonElement> ChatRequests(this FakeUpstream upstream)
    {
        lock (upstream.Requests)
        {
            return [.. upstream.Requests.Where(r => r.Path == ChatCompletions.Path).Select(r => r.Body!.Value)];
        }
    }
}
