using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OnlineJudge.Data.Conf;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Judge;

/// <summary>Parameters of the per-user submission token bucket (option <c>throttling.user</c>, submission.md §1.1.1).</summary>
public sealed record BucketSettings(double Capacity, double FillRate, double DefaultCapacity)
{
    public static readonly BucketSettings DefaultUser = new(20, 0.03, 10);
}

/// <summary>The site options judging reads (platform.md §15): <c>judge_server_token</c> and <c>throttling</c>.</summary>
public class JudgeSiteOptions(SysOptionRepository options, IOptions<JudgeOptions> judgeOptions)
{
    public const string TokenKey = "judge_server_token";
    public const string ThrottlingKey = "throttling";

    /// <summary>
    /// The plain token: the configured <c>Judge:Token</c> (stored in the option when it differs), else the option, whose
    /// missing row is created from <c>JUDGE_SERVER_TOKEN</c> or at random.
    /// </summary>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var configured = judgeOptions.Value.Token;
        var values = await options.GetAsync([TokenKey], cancellationToken);
        var stored = values.TryGetValue(TokenKey, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString() : null;
        if (!string.IsNullOrEmpty(configured))
        {
            if (stored != configured)
            {
                await options.UpsertAsync(new Dictionary<string, JsonElement> { [TokenKey] = JsonSerializer.SerializeToElement(configured) }, cancellationToken);
            }

            return configured;
        }

        if (stored is not null)
        {
            return stored;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("JUDGE_SERVER_TOKEN");
        await options.InsertMissingAsync(new Dictionary<string, JsonElement>
        {
            [TokenKey] = JsonSerializer.SerializeToElement(string.IsNullOrEmpty(fromEnvironment) ? RandomStrings.LowerHex(32) : fromEnvironment),
        }, cancellationToken);
        values = await options.GetAsync([TokenKey], cancellationToken);
        return values[TokenKey].GetString() ?? "";
    }

    /// <summary>What travels in <c>X-Judge-Server-Token</c>: lowercase hex SHA-256 of the plain token (judge.md §3.1).</summary>
    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task<BucketSettings> GetUserBucketAsync(CancellationToken cancellationToken)
    {
        var values = await options.GetAsync([ThrottlingKey], cancellationToken);
        if (!values.TryGetValue(ThrottlingKey, out var stored))
        {
            await options.InsertMissingAsync(new Dictionary<string, JsonElement> { [ThrottlingKey] = DefaultThrottling }, cancellationToken);
            return BucketSettings.DefaultUser;
        }

        if (stored.ValueKind != JsonValueKind.Object || !stored.TryGetProperty("user", out var user) || user.ValueKind != JsonValueKind.Object)
        {
            return BucketSettings.DefaultUser;
        }

        return new BucketSettings(
            Number(user, "capacity", BucketSettings.DefaultUser.Capacity),
            Number(user, "fill_rate", BucketSettings.DefaultUser.FillRate),
            Number(user, "default_capacity", BucketSettings.DefaultUser.DefaultCapacity));
    }

    private static readonly JsonElement DefaultThrottling = JsonElement.Parse(
        """{"ip": {"capacity": 100, "fill_rate": 0.1, "default_capacity": 50}, "user": {"capacity": 20, "fill_rate": 0.03, "default_capacity": 10}}""");

    private static double Number(JsonElement element, string name, double fallback) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : fallback;
}
