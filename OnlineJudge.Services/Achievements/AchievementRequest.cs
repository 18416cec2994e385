using System.Text.Json;
using OnlineJudge.Data.Achievements;
using OnlineJudge.Data.Entities;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Achievements;

/// <summary>
/// The body of the admin achievement writes (achievement.md §2.3–§2.4), checked in the handler as the reference does:
/// first failure wins, every failure is <c>{"error": "error", "data": message}</c>. Where the reference crashed on a
/// value its columns cannot take, a message says what is wrong (spec README, decision 5).
/// </summary>
public static class AchievementRequest
{
    public const string InvalidParameter = "参数错误";

    private static readonly string[] RequiredText = ["name", "description", "icon", "rarity", "metric", "operator"];

    /// <summary>§2.4: the <c>id</c> of a PUT, a positive integer.</summary>
    public static bool TryReadId(RequestData data, out long id)
    {
        id = 0;
        return data.Json is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("id", out var value)
               && JsonValues.TryGetInt64(value, out id) && id > 0;
    }

    /// <summary>Validates the fields; <c>hidden</c>, <c>visible</c> and <c>order</c> stay null when not sent.</summary>
    public static ServiceResult<AchievementWriteDto> Validate(RequestData data)
    {
        if (data.Json is not { ValueKind: JsonValueKind.Object } body)
        {
            return ServiceError.Of(InvalidParameter);
        }

        var text = new Dictionary<string, string>();
        foreach (var field in RequiredText)
        {
            if (!body.TryGetProperty(field, out var value) || JsonValues.IsFalsy(value))
            {
                return ServiceError.Of($"{field} 不能为空");
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                return ServiceError.Of($"{field} 必须是字符串");
            }

            text[field] = value.GetString()!;
        }

        if (!MetricRegistry.IsRegistered(text["metric"]))
        {
            return ServiceError.Of("指标不存在");
        }

        if (text["operator"] is not (AchievementOperator.Gte or AchievementOperator.Lte))
        {
            return ServiceError.Of("比较符不合法");
        }

        if (!Rarities.IsValid(text["rarity"]))
        {
            return ServiceError.Of("稀有度不合法");
        }

        if (!body.TryGetProperty("threshold", out var thresholdValue) || !IsJsonInteger(thresholdValue))
        {
            return ServiceError.Of("阈值必须是整数");
        }

        if (!JsonValues.TryGetStrictInteger(thresholdValue, out var threshold))
        {
            return ServiceError.Of("阈值超出范围");
        }

        bool? hidden = null, visible = null;
        int? order = null;
        if (body.TryGetProperty("hidden", out var hiddenValue))
        {
            if (!JsonValues.TryGetDjangoBoolean(hiddenValue, out var flag))
            {
                return ServiceError.Of("hidden 必须是布尔值");
            }

            hidden = flag;
        }

        if (body.TryGetProperty("visible", out var visibleValue))
        {
            if (!JsonValues.TryGetDjangoBoolean(visibleValue, out var flag))
            {
                return ServiceError.Of("visible 必须是布尔值");
            }

            visible = flag;
        }

        if (body.TryGetProperty("order", out var orderValue))
        {
            if (!JsonValues.TryGetInteger(orderValue, out var number))
            {
                return ServiceError.Of("order 必须是整数");
            }

            order = number;
        }

        return new AchievementWriteDto(text["name"], text["description"], text["icon"], text["rarity"], text["metric"], text["operator"],
            threshold, hidden, visible, order);
    }

    /// <summary>A JSON integer literal or a boolean (Python's <c>isinstance(value, int)</c>), whatever its size.</summary>
    private static bool IsJsonInteger(JsonElement value) =>
        value.ValueKind is JsonValueKind.True or JsonValueKind.False
        || (value.ValueKind == JsonValueKind.Number && value.GetRawText().IndexOfAny(['.', 'e', 'E']) < 0);
}
