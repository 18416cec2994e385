using System.Net.Http.Json;
using System.Text.Json;

/// <summary>The backend calls both modes make: an HTTP client authenticated by the API key, and submitting code.</summary>
internal static class BenchApi
{
    public static HttpClient CreateClient(Args options)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(options.Backend) };
        http.DefaultRequestHeaders.Add("APPKEY", options.ApiKey);
        return http;
    }

    /// <summary>POST /api/submission; returns the submission id, or throws with the backend's answer.</summary>
    public static async Task<string> SubmitAsync(HttpClient http, int problemId, string language, string code)
    {
        var response = await http.PostAsJsonAsync("/api/submission", new { problem_id = problemId, language, code });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (body.GetProperty("error").ValueKind != JsonValueKind.Null)
        {
            throw new InvalidOperationException("submit failed: " + body);
        }

        return body.GetProperty("data").GetProperty("submission_id").GetString()
            ?? throw new InvalidOperationException("submit answered no submission_id: " + body);
    }
}
