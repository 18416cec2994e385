using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnlineJudge.Services.Mail;

/// <summary>
/// The <c>smtp_config</c> option as the reference stored it: <c>{"server", "port", "email", "password", "tls"}</c>;
/// <c>{}</c> (the default) means "not configured". The e-mail address is also the SMTP login.
/// </summary>
public sealed record SmtpSettings(
    [property: JsonPropertyName("server")] string Server,
    [property: JsonPropertyName("port")] int Port,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("password")] string? Password,
    [property: JsonPropertyName("tls")] bool Tls)
{
    public const string OptionKey = "smtp_config";

    /// <summary>The stored option, or null when it is empty or not an object with a server.</summary>
    public static SmtpSettings? From(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty("server", out var server)
            || server.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return new SmtpSettings(
            server.GetString()!,
            obj.TryGetProperty("port", out var port) && port.TryGetInt32(out var number) ? number : 25,
            obj.TryGetProperty("email", out var email) && email.ValueKind == JsonValueKind.String ? email.GetString()! : "",
            obj.TryGetProperty("password", out var password) && password.ValueKind == JsonValueKind.String ? password.GetString() : null,
            obj.TryGetProperty("tls", out var tls) && tls.ValueKind == JsonValueKind.True);
    }

    public JsonElement ToJson() => JsonSerializer.SerializeToElement(this);
}

/// <summary>What <c>GET /api/admin/smtp</c> shows: the configuration without its password.</summary>
public sealed record SmtpConfigView(string Server, int Port, string Email, bool Tls);
