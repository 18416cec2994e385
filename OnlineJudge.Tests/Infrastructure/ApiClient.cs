using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using OnlineJudge.Services.Sessions;

namespace OnlineJudge.Tests.Infrastructure;

/// <summary>An HTTP client of the test server with a visible cookie jar, CSRF handling and envelope helpers.</summary>
public sealed class ApiClient : IDisposable
{
    public static readonly Uri BaseAddress = new("http://localhost");

    /// <param name="factory">The web instance this client talks to.</param>
    /// <param name="cookies">A cookie jar shared with clients of other instances: one browser behind a load balancer.</param>
    public ApiClient(OnlineJudgeWebFactory factory, CookieContainer? cookies = null)
    {
        Factory = factory;
        Cookies = cookies ?? new CookieContainer();
        Http = factory.CreateDefaultClient(BaseAddress, new CookieContainerHandler(Cookies));
    }

    public OnlineJudgeWebFactory Factory { get; }

    public CookieContainer Cookies { get; }

    public HttpClient Http { get; }

    public string? Cookie(string name) => Cookies.GetCookies(BaseAddress)[name]?.Value;

    public void SetCookie(string name, string value) => Cookies.Add(BaseAddress, new Cookie(name, value, "/"));

    /// <summary>Puts a CSRF token in the cookie jar, as GET /api/profile would.</summary>
    public string EnsureCsrfToken()
    {
        var token = Cookie("csrftoken");
        if (token is null)
        {
            token = Guid.NewGuid().ToString("N");
            SetCookie("csrftoken", token);
        }

        return token;
    }

    /// <summary>Logs the user in by creating a server-side session, as POST /api/login does.</summary>
    public async Task<string> LoginAsync(User user)
    {
        var sessions = Factory.Services.GetRequiredService<SessionStore>();
        var key = await sessions.CreateAsync(new SessionData
        {
            UserId = user.Id,
            AuthHash = SessionStore.AuthHashOf(user.Password),
            CreatedAt = DateTime.UtcNow,
        });
        SetCookie("sessionid", key);
        return key;
    }

    public async Task<ApiResponse> GetAsync(string url) => await ApiResponse.ReadAsync(await Http.GetAsync(url));

    public Task<ApiResponse> PostJsonAsync(string url, object? body, bool csrf = true) =>
        SendAsync(HttpMethod.Post, url, JsonContent.Create(body), csrf);

    public Task<ApiResponse> PostRawAsync(string url, string body, string? contentType, bool csrf = true)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return SendAsync(HttpMethod.Post, url, content, csrf);
    }

    public async Task<ApiResponse> SendAsync(HttpMethod method, string url, HttpContent? content, bool csrf = true,
        Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (csrf)
        {
            request.Headers.Add("X-CSRFToken", EnsureCsrfToken());
        }

        configure?.Invoke(request);
        return await ApiResponse.ReadAsync(await Http.SendAsync(request));
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>A response with its body; <see cref="Error"/> and <see cref="Data"/> read the envelope.</summary>
public sealed class ApiResponse
{
    private ApiResponse(HttpResponseMessage message, string body)
    {
        Message = message;
        Body = body;
    }

    public HttpResponseMessage Message { get; }

    public HttpStatusCode Status => Message.StatusCode;

    public string Body { get; }

    public string? ContentType => Message.Content.Headers.ContentType?.ToString();

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Error => Json.GetProperty("error").GetString();

    public JsonElement Data => Json.GetProperty("data");

    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage message)
    {
        using (message)
        {
            return new ApiResponse(message, await message.Content.ReadAsStringAsync());
        }
    }

    /// <summary>Asserts a success envelope and returns its data.</summary>
    public JsonElement Ok()
    {
        Assert.That(Status, Is.EqualTo(HttpStatusCode.OK), Body);
        Assert.That(Error, Is.Null, Body);
        return Data;
    }

    /// <summary>Asserts an error envelope with HTTP 200.</summary>
    public void AssertError(string code, string message)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Status, Is.EqualTo(HttpStatusCode.OK), Body);
            Assert.That(Error, Is.EqualTo(code), Body);
            Assert.That(Data.ValueKind == JsonValueKind.String ? Data.GetString() : Data.GetRawText(), Is.EqualTo(message), Body);
        });
    }
}
