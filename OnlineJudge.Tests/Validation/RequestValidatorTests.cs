using System.Text.RegularExpressions;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Tests.Validation;

public partial class RequestValidatorTests
{
    public sealed class LoginRequest
    {
        [StringField]
        public string Username { get; set; } = string.Empty;

        [StringField]
        public string Password { get; set; } = string.Empty;

        [StringField(Required = false, AllowBlank = true)]
        public string TfaCode { get; set; } = "unset";
    }

    public sealed class RegisterRequest
    {
        [StringField(MaxLength = 32)]
        public string Username { get; set; } = string.Empty;

        [StringField(MinLength = 6)]
        public string Password { get; set; } = string.Empty;

        [EmailField(MaxLength = 64)]
        public string Email { get; set; } = string.Empty;

        [StringField]
        public string Captcha { get; set; } = string.Empty;
    }

    public sealed class ImportUsersRequest
    {
        [ListField, StringField(MaxLength = 64)]
        public List<List<string>> Users { get; set; } = [];
    }

    public sealed partial class WebsiteRequest : IValidatableRequest
    {
        [StringField(MaxLength = 128)]
        public string WebsiteBaseUrl { get; set; } = string.Empty;

        [BooleanField]
        public bool AllowRegister { get; set; }

        [ListField, StringField(MaxLength = 64)]
        public List<string> ClassList { get; set; } = [];

        public int HookCalls { get; private set; }

        public ValidationFailure? Validate()
        {
            HookCalls++;
            var bad = ClassList.FirstOrDefault(item => !ClassNumber().IsMatch(item));
            return bad is null ? null : new ValidationFailure("class_list", $"班级号 {bad} 必须是 3~4 位数字");
        }

        [GeneratedRegex(@"^\d{3,4}\z")]
        private static partial Regex ClassNumber();
    }

    public sealed class TextDto
    {
        [StringField(MaxLength = 5, MinLength = 2)]
        public string Value { get; set; } = string.Empty;
    }

    public sealed class RawTextDto
    {
        [StringField(Trim = false, AllowBlank = true)]
        public string Value { get; set; } = string.Empty;
    }

    public sealed class LooseTextDto
    {
        [StringField]
        public string Value { get; set; } = string.Empty;
    }

    public sealed class PasswordDto
    {
        [StringField(MinLength = 6, AllowBlank = true, Required = false)]
        public string? Value { get; set; }
    }

    public sealed class IntDto
    {
        [IntegerField(Min = 0, Max = 100)]
        public int Value { get; set; }
    }

    public sealed class LongDto
    {
        [IntegerField]
        public long Value { get; set; }
    }

    public sealed class FloatDto
    {
        [FloatField(Min = 0, Max = 100)]
        public double Value { get; set; }
    }

    public sealed class BoolDto
    {
        [BooleanField]
        public bool Value { get; set; }
    }

    public sealed class ChoiceDto
    {
        [ChoiceField(["ACM", "OI"])]
        public string Value { get; set; } = string.Empty;
    }

    public sealed class ListDto
    {
        [ListField(AllowEmpty = false), StringField(MaxLength = 3)]
        public List<string> Value { get; set; } = [];
    }

    public sealed class IntListDto
    {
        [ListField]
        public List<int> Value { get; set; } = [];
    }

    public sealed class DateDto
    {
        [DateTimeField]
        public DateTime Value { get; set; }
    }

    public sealed class EmailDto
    {
        [EmailField]
        public string Value { get; set; } = string.Empty;
    }

    public sealed class UrlDto
    {
        [UrlField]
        public string Value { get; set; } = string.Empty;
    }

    public sealed class OrderDto
    {
        [IntegerField]
        public int Zeta { get; set; }

        [IntegerField]
        public int Alpha { get; set; }

        [IntegerField]
        public int Mid { get; set; }
    }

    public sealed class OptionalDto
    {
        [IntegerField(Required = false)]
        public int PasswordLength { get; set; } = 8;

        [StringField(Required = false, AllowNull = true)]
        public string? RealName { get; set; } = "keep";

        [IntegerField(Required = false, AllowNull = true)]
        public int? ContestId { get; set; } = 5;

        [BooleanField(Required = false)]
        public bool Visible { get; set; } = true;
    }

    public sealed class IoMode : IValidatableRequest
    {
        [ChoiceField(["Standard IO", "File IO"])]
        public string IoModeName { get; set; } = string.Empty;

        [StringField]
        public string Input { get; set; } = string.Empty;

        [StringField]
        public string Output { get; set; } = string.Empty;

        public ValidationFailure? Validate() =>
            Input == Output ? ValidationFailure.NonField("Invalid io mode") : null;
    }

    public sealed class Sample
    {
        [StringField(Trim = false)]
        public string Input { get; set; } = string.Empty;

        [StringField(Trim = false)]
        public string Output { get; set; } = string.Empty;
    }

    public sealed class ProblemRequest
    {
        [StringField(MaxLength = 1024)]
        public string Title { get; set; } = string.Empty;

        [ListField(AllowEmpty = false)]
        public List<Sample> Samples { get; set; } = [];

        [NestedField]
        public IoMode IoMode { get; set; } = new();

        [DictField, StringField(MinLength = 1)]
        public Dictionary<string, string> Template { get; set; } = [];

        [StringField(Name = "_id", AllowNull = true, AllowBlank = true)]
        public string? DisplayId { get; set; }
    }

    public sealed class FreeDto
    {
        [DictField]
        public JsonElement Options { get; set; }

        [DictField(Required = false)]
        public Dictionary<string, JsonElement> Extra { get; set; } = [];

        [JsonField(AllowNull = true)]
        public JsonElement Anything { get; set; }
    }

    public sealed class LanguagesDto
    {
        private static readonly string[] Known = ["C", "C++", "Python3"];

        [ListField(Check = nameof(CheckLanguages)), StringField]
        public List<string> Languages { get; set; } = [];

        [IntegerField]
        public int TimeLimit { get; set; }

        private string? CheckLanguages() => Languages.FirstOrDefault(l => !Known.Contains(l)) is { } bad ? $"{bad} is not a valid language" : null;
    }

    public class SmtpEdit
    {
        [StringField(MaxLength = 128)]
        public string Server { get; set; } = string.Empty;

        [StringField(MaxLength = 128, Required = false, AllowNull = true, AllowBlank = true)]
        public string? Password { get; set; }

        [BooleanField]
        public bool Tls { get; set; }
    }

    public sealed class SmtpCreate : SmtpEdit
    {
        [IntegerField]
        public int Id { get; set; }

        [StringField(MaxLength = 128)]
        public new string Password { get; set; } = string.Empty;
    }

    public sealed class StampDto
    {
        [DateTimeField(AllowNull = true)]
        public DateTimeOffset? Start { get; set; }

        [NestedField(Required = false)]
        public Sample? Sample { get; set; }

        [JsonField(Required = false)]
        public JsonElement Data { get; set; }
    }

    public sealed class MisdeclaredDto
    {
        [IntegerField]
        public string Value { get; set; } = string.Empty;
    }

    private static RequestData Json(string json) => RequestData.FromJson(JsonSerializer.Deserialize<JsonElement>(json));

    private static RequestData Form(params (string Key, string Value)[] pairs) =>
        RequestData.FromForm(pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Select(p => p.Value).ToArray()));

    private static ValidationResult<T> Value<T>(string fragment)
        where T : new() => RequestValidator.Validate<T>(Json($$"""{"value": {{fragment}}}"""));

    private static string? Error<T>(string fragment)
        where T : new() => Value<T>(fragment).Failure?.ErrorMessage;

    private static ValidationFailure FailureOf<T>(RequestData data)
        where T : new()
    {
        var result = RequestValidator.Validate<T>(data);
        Assert.That(result.IsValid, Is.False, "expected a validation failure");
        return result.Failure!;
    }
}
