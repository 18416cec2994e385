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

    // ---- platform.md §5 examples ----

    [Test]
    public void Missing_username_reports_the_required_message()
    {
        var failure = FailureOf<LoginRequest>(Json("""{"password": "x"}"""));
        Assert.Multiple(() =>
        {
            Assert.That(failure.ErrorCode, Is.EqualTo("invalid-username"));
            Assert.That(failure.ErrorMessage, Is.EqualTo("username: This field is required."));
        });
    }

    [Test]
    public void Bad_email_in_register_reports_the_email_message()
    {
        var failure = FailureOf<RegisterRequest>(Json("""{"username": "u", "password": "secret1", "email": "not-an-email", "captcha": "c"}"""));
        Assert.Multiple(() =>
        {
            Assert.That(failure.ErrorCode, Is.EqualTo("invalid-email"));
            Assert.That(failure.ErrorMessage, Is.EqualTo("email: Enter a valid email address."));
        });
    }

    [Test]
    public void Blank_inner_value_of_user_import_is_keyed_by_the_inner_index()
    {
        var failure = FailureOf<ImportUsersRequest>(Json("""{"users": [["ks251a", "  ", "a@b.cn", "张三"]]}"""));
        Assert.Multiple(() =>
        {
            Assert.That(failure.ErrorCode, Is.EqualTo("invalid-1"));
            Assert.That(failure.ErrorMessage, Is.EqualTo("1: This field may not be blank."));
        });
    }

    [Test]
    public void User_import_accepts_rows_and_an_empty_list()
    {
        var rows = RequestValidator.Validate<ImportUsersRequest>(Json("""{"users": [[" ks251a ", "123456", "ks251.1@example.com", "张三"], ["b", "c"]]}"""));
        var empty = RequestValidator.Validate<ImportUsersRequest>(Json("""{"users": []}"""));
        Assert.Multiple(() =>
        {
            Assert.That(rows.IsValid, Is.True);
            Assert.That(rows.Value!.Users, Has.Count.EqualTo(2));
            Assert.That(rows.Value.Users[0], Is.EqualTo(new[] { "ks251a", "123456", "ks251.1@example.com", "张三" }));
            Assert.That(empty.IsValid, Is.True);
        });
    }

    [Test]
    public void Inner_list_that_is_not_a_list_is_keyed_by_the_outer_index()
    {
        var failure = FailureOf<ImportUsersRequest>(Json("""{"users": [["a"], "b"]}"""));
        Assert.That(failure.ErrorMessage, Is.EqualTo("1: Expected a list of items but got type \"str\"."));
    }

    [TestCase("[]", "list")]
    [TestCase("[1, 2]", "list")]
    [TestCase("\"text\"", "str")]
    [TestCase("12", "int")]
    [TestCase("1.5", "float")]
    [TestCase("true", "bool")]
    public void Body_that_is_not_an_object_is_a_non_field_error(string body, string type)
    {
        var failure = FailureOf<LoginRequest>(Json(body));
        Assert.Multiple(() =>
        {
            Assert.That(failure.Key, Is.EqualTo("non_field_errors"));
            Assert.That(failure.ErrorCode, Is.EqualTo("invalid-non_field_errors"));
            Assert.That(failure.ErrorMessage, Is.EqualTo($"Invalid data. Expected a dictionary, but got {type}."));
        });
    }

    [Test]
    public void Null_body_reports_no_data_provided()
    {
        var failure = FailureOf<LoginRequest>(Json("null"));
        Assert.Multiple(() =>
        {
            Assert.That(failure.ErrorCode, Is.EqualTo("invalid-non_field_errors"));
            Assert.That(failure.ErrorMessage, Is.EqualTo("No data provided"));
        });
    }

    [Test]
    public void Unknown_keys_are_ignored_and_valid_data_is_typed()
    {
        var result = RequestValidator.Validate<LoginRequest>(Json("""{"username": " root ", "password": " rootroot ", "extra": [1]}"""));
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True);
            Assert.That(result.Value!.Username, Is.EqualTo("root"));
            Assert.That(result.Value.Password, Is.EqualTo("rootroot"));
            Assert.That(result.Value.TfaCode, Is.EqualTo("unset"));
        });
    }

    [Test]
    public void Non_generic_validate_returns_the_instance()
    {
        var result = RequestValidator.Validate(typeof(LoginRequest), Json("""{"username": "a", "password": "b", "tfa_code": ""}"""));
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True);
            Assert.That(((LoginRequest)result.Value!).TfaCode, Is.EqualTo(string.Empty));
        });
    }

    // ---- required / null ----

    [Test]
    public void Null_without_allow_null_is_rejected()
    {
        Assert.That(Error<LooseTextDto>("null"), Is.EqualTo("value: This field may not be null."));
    }

    [Test]
    public void Null_with_allow_null_sets_null()
    {
        var result = RequestValidator.Validate<OptionalDto>(Json("""{"real_name": null, "contest_id": null}"""));
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True);
            Assert.That(result.Value!.RealName, Is.Null);
            Assert.That(result.Value.ContestId, Is.Null);
        });
    }

    [Test]
    public void Absent_optional_fields_keep_their_initializers()
    {
        var result = RequestValidator.Validate<OptionalDto>(Json("{}"));
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True);
            Assert.That(result.Value!.PasswordLength, Is.EqualTo(8));
            Assert.That(result.Value.RealName, Is.EqualTo("keep"));
            Assert.That(result.Value.ContestId, Is.EqualTo(5));
            Assert.That(result.Value.Visible, Is.True);
        });
    }

    [Test]
    public void Empty_json_body_is_an_empty_object()
    {
        var failure = RequestValidator.Validate<BoolDto>(RequestData.FromJson(default)).Failure;
        Assert.That(failure?.ErrorMessage, Is.EqualTo("value: This field is required."));
    }

    // ---- strings ----

    [TestCase("\"  ab  \"", "ab")]
    [TestCase("\"\\t\\nab\\u3000\"", "ab")]
    [TestCase("12", "12")]
    [TestCase("-0", "0")]
    [TestCase("1.5", "1.5")]
    [TestCase("3.0", "3.0")]
    [TestCase("1E2", "100.0")]
    [TestCase("1.10", "1.1")]
    [TestCase("1e16", "1e+16")]
    [TestCase("1e15", "1000000000000000.0")]
    [TestCase("0.0001", "0.0001")]
    [TestCase("0.00001", "1e-05")]
    [TestCase("-2.5e-7", "-2.5e-07")]
    [TestCase("123456789012345678901234567890", "123456789012345678901234567890")]
    [TestCase("1.2345678901234567e300", "1.2345678901234567e+300")]
    [TestCase("1e400", "inf")]
    public void Strings_are_trimmed_and_numbers_become_their_python_text(string fragment, string expected)
    {
        var result = Value<LooseTextDto>(fragment);
        Assert.That(result.Value?.Value, Is.EqualTo(expected), result.Failure?.ErrorMessage);
    }

    [TestCase("true")]
    [TestCase("false")]
    [TestCase("[]")]
    [TestCase("[\"a\"]")]
    [TestCase("{}")]
    public void Non_scalar_values_are_not_strings(string fragment)
    {
        Assert.That(Error<LooseTextDto>(fragment), Is.EqualTo("value: Not a valid string."));
    }

    [TestCase("\"\"")]
    [TestCase("\"   \"")]
    [TestCase("\"\\u00a0\\u2003\\u001f\"")]
    public void Blank_strings_are_rejected(string fragment)
    {
        Assert.That(Error<LooseTextDto>(fragment), Is.EqualTo("value: This field may not be blank."));
    }

    [Test]
    public void Length_limits_are_checked_on_the_trimmed_text_in_code_points()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Error<TextDto>("\"abcdef\""), Is.EqualTo("value: Ensure this field has no more than 5 characters."));
            Assert.That(Error<TextDto>("\"a\""), Is.EqualTo("value: Ensure this field has at least 2 characters."));
            Assert.That(Value<TextDto>("\"  abcde  \"").Value?.Value, Is.EqualTo("abcde"));
            Assert.That(Value<TextDto>("\"😀😀😀😀😀\"").IsValid, Is.True);
            Assert.That(Error<TextDto>("123456"), Is.EqualTo("value: Ensure this field has no more than 5 characters."));
        });
    }

    [Test]
    public void Null_characters_and_lone_surrogates_are_rejected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Error<LooseTextDto>("\"a\\u0000b\""), Is.EqualTo("value: Null characters are not allowed."));
            Assert.That(Error<LooseTextDto>("\"a\\ud800b\""), Is.EqualTo("value: Surrogate characters are not allowed: U+D800."));
        });
    }

    [Test]
    public void Untrimmed_field_keeps_whitespace_and_blank_allowed_field_accepts_blank()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Value<RawTextDto>("\"  a \\n\"").Value?.Value, Is.EqualTo("  a \n"));
            Assert.That(Value<RawTextDto>("\"   \"").Value?.Value, Is.EqualTo("   "));
            Assert.That(Value<RawTextDto>("\"\"").Value?.Value, Is.EqualTo(string.Empty));
            Assert.That(Error<Sample>("1"), Is.EqualTo("input: This field is required."));
        });
    }

    [Test]
    public void Blank_is_not_checked_against_min_length_when_allowed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Value<PasswordDto>("\"  \"").Value?.Value, Is.EqualTo(string.Empty));
            Assert.That(Error<PasswordDto>("\"12345\""), Is.EqualTo("value: Ensure this field has at least 6 characters."));
        });
    }

    // ---- e-mail and URL ----

    [TestCase("user@example.com")]
    [TestCase(" ks251.1@example.com ")]
    [TestCase("first.last+tag@sub.example.co")]
    [TestCase("user@localhost")]
    [TestCase("user@[127.0.0.1]")]
    [TestCase("user@[::1]")]
    [TestCase("user@例子.中国")]
    [TestCase("\"quoted\"@example.com")]
    public void Valid_emails_pass(string email)
    {
        var result = Value<EmailDto>(JsonSerializer.Serialize(email));
        Assert.That(result.IsValid, Is.True, result.Failure?.ErrorMessage);
    }

    [TestCase("plain")]
    [TestCase("a@b")]
    [TestCase("a@b.c")]
    [TestCase("a@-b.com")]
    [TestCase("a..b@example.com")]
    [TestCase(".a@example.com")]
    [TestCase("a b@example.com")]
    [TestCase("a@example.com.")]
    [TestCase("a@[300.1.1.1]")]
    [TestCase("@example.com")]
    [TestCase("用户@example.com")]
    [TestCase("\"quoted user\"@example.com")]
    public void Invalid_emails_fail(string email)
    {
        Assert.That(Error<EmailDto>(JsonSerializer.Serialize(email)), Is.EqualTo("value: Enter a valid email address."));
    }

    [Test]
    public void Email_length_error_comes_before_the_format_error()
    {
        var failure = FailureOf<RegisterRequest>(Json($$"""{"username": "u", "password": "secret1", "email": "{{new string('x', 70)}}", "captcha": "c"}"""));
        Assert.That(failure.ErrorMessage, Is.EqualTo("email: Ensure this field has no more than 64 characters."));
    }

    [TestCase("https://example.com/path?q=1#x", true)]
    [TestCase("http://localhost:8000", true)]
    [TestCase("ftp://files.example.org/a.txt", true)]
    [TestCase("FTPS://EXAMPLE.COM", true)]
    [TestCase("http://127.0.0.1/", true)]
    [TestCase("http://[::1]:80/", true)]
    [TestCase("http://user:pass@example.com", true)]
    [TestCase("https://例子.中国/页面", true)]
    [TestCase("http://xn--fsqu00a.xn--fiqs8s", true)]
    [TestCase("example.com", false)]
    [TestCase("javascript:alert(1)", false)]
    [TestCase("mailto:a@b.com", false)]
    [TestCase("http://", false)]
    [TestCase("http://example", false)]
    [TestCase("http://-bad.com", false)]
    [TestCase("http://[::1", false)]
    [TestCase("http://[1.2.3.4]/", false)]
    [TestCase("http://256.1.1.1.1", false)]
    [TestCase("http://exa mple.com", false)]
    public void Urls_follow_djangos_validator(string url, bool valid)
    {
        var result = Value<UrlDto>(JsonSerializer.Serialize(url));
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.EqualTo(valid));
            if (!valid)
            {
                Assert.That(result.Failure?.ErrorMessage, Is.EqualTo("value: Enter a valid URL."));
            }
        });
    }

    // ---- integers ----

    [TestCase("12", 12)]
    [TestCase("\"12\"", 12)]
    [TestCase("\" 12 \"", 12)]
    [TestCase("\"\\t12\\n\"", 12)]
    [TestCase("3.0", 3)]
    [TestCase("\"+5\"", 5)]
    [TestCase("\"12.0\"", 12)]
    [TestCase("\"12.\"", 12)]
    [TestCase("\"007\"", 7)]
    [TestCase("\"1_0\"", 10)]
    [TestCase("\"-0\"", 0)]
    [TestCase("1e1", 10)]
    [TestCase("\"٣\"", 3)]
    public void Integers_are_coerced_like_drf(string fragment, int expected)
    {
        var result = Value<IntDto>(fragment);
        Assert.That(result.Value?.Value, Is.EqualTo(expected), result.Failure?.ErrorMessage);
    }

    [TestCase("3.5")]
    [TestCase("true")]
    [TestCase("false")]
    [TestCase("\"abc\"")]
    [TestCase("\"\"")]
    [TestCase("\"1e3\"")]
    [TestCase("\"1.5\"")]
    [TestCase("\"1__0\"")]
    [TestCase("\"0x10\"")]
    [TestCase("[1]")]
    [TestCase("{}")]
    [TestCase("1e16")]
    public void Non_integers_are_rejected(string fragment)
    {
        Assert.That(Error<IntDto>(fragment), Is.EqualTo("value: A valid integer is required."));
    }

    [Test]
    public void Integer_bounds_and_ranges()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Error<IntDto>("101"), Is.EqualTo("value: Ensure this value is less than or equal to 100."));
            Assert.That(Error<IntDto>("-1"), Is.EqualTo("value: Ensure this value is greater than or equal to 0."));
            Assert.That(Error<IntDto>("99999999999999999999"), Is.EqualTo("value: Ensure this value is less than or equal to 100."));
            Assert.That(Error<IntDto>($"\"{new string('1', 1001)}\""), Is.EqualTo("value: String value too large."));
            Assert.That(Value<LongDto>("9007199254740993").Value?.Value, Is.EqualTo(9007199254740993L));
            Assert.That(Error<LongDto>("99999999999999999999"), Is.EqualTo("value: A valid integer is required."));
        });
    }

    // ---- floats ----

    [TestCase("1.5", 1.5)]
    [TestCase("\"2.5\"", 2.5)]
    [TestCase("\" 4 \"", 4.0)]
    [TestCase("3", 3.0)]
    [TestCase("true", 1.0)]
    [TestCase("\"1e1\"", 10.0)]
    [TestCase("\".5\"", 0.5)]
    public void Floats_are_coerced_like_python(string fragment, double expected)
    {
        var result = Value<FloatDto>(fragment);
        Assert.That(result.Value?.Value, Is.EqualTo(expected), result.Failure?.ErrorMessage);
    }

    [Test]
    public void Float_errors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Error<FloatDto>("\"abc\""), Is.EqualTo("value: A valid number is required."));
            Assert.That(Error<FloatDto>("[]"), Is.EqualTo("value: A valid number is required."));
            Assert.That(Error<FloatDto>("100.5"), Is.EqualTo("value: Ensure this value is less than or equal to 100."));
            Assert.That(Error<FloatDto>("-0.5"), Is.EqualTo("value: Ensure this value is greater than or equal to 0."));
        });
    }

    // ---- booleans ----

    [TestCase("t")]
    [TestCase("T")]
    [TestCase("y")]
    [TestCase("Y")]
    [TestCase("yes")]
    [TestCase("Yes")]
    [TestCase("YES")]
    [TestCase("true")]
    [TestCase("True")]
    [TestCase("TRUE")]
    [TestCase("on")]
    [TestCase("On")]
    [TestCase("ON")]
    [TestCase("1")]
    public void True_spellings(string text)
    {
        Assert.That(Value<BoolDto>(JsonSerializer.Serialize(text)).Value?.Value, Is.True);
    }

    [TestCase("f")]
    [TestCase("F")]
    [TestCase("n")]
    [TestCase("N")]
    [TestCase("no")]
    [TestCase("No")]
    [TestCase("NO")]
    [TestCase("false")]
    [TestCase("False")]
    [TestCase("FALSE")]
    [TestCase("off")]
    [TestCase("Off")]
    [TestCase("OFF")]
    [TestCase("0")]
    public void False_spellings(string text)
    {
        var result = Value<BoolDto>(JsonSerializer.Serialize(text));
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True);
            Assert.That(result.Value?.Value, Is.False);
        });
    }

    [TestCase("true", true)]
    [TestCase("false", false)]
    [TestCase("1", true)]
    [TestCase("0", false)]
    [TestCase("1.0", true)]
    [TestCase("0.0", false)]
    public void Json_booleans_and_numbers(string fragment, bool expected)
    {
        var result = Value<BoolDto>(fragment);
        Assert.That(result.IsValid && result.Value!.Value == expected, Is.True, result.Failure?.ErrorMessage);
    }

    [TestCase("\"maybe\"")]
    [TestCase("\"\"")]
    [TestCase("\"null\"")]
    [TestCase("2")]
    [TestCase("0.5")]
    [TestCase("[]")]
    [TestCase("{}")]
    public void Other_values_are_not_booleans(string fragment)
    {
        Assert.That(Error<BoolDto>(fragment), Is.EqualTo("value: Must be a valid boolean."));
    }

    // ---- choices ----

    [TestCase("\"acm\"", "\"acm\" is not a valid choice.")]
    [TestCase("\" ACM\"", "\" ACM\" is not a valid choice.")]
    [TestCase("\"\"", "\"\" is not a valid choice.")]
    [TestCase("1", "\"1\" is not a valid choice.")]
    [TestCase("1.0", "\"1.0\" is not a valid choice.")]
    [TestCase("true", "\"True\" is not a valid choice.")]
    [TestCase("[1, \"a\", null]", "\"[1, 'a', None]\" is not a valid choice.")]
    [TestCase("{\"k\": \"it's\"}", "\"{'k': \"it's\"}\" is not a valid choice.")]
    public void Choice_errors_show_the_python_text_of_the_input(string fragment, string message)
    {
        Assert.That(Error<ChoiceDto>(fragment), Is.EqualTo("value: " + message));
    }

    [Test]
    public void Choice_accepts_exact_members()
    {
        Assert.That(Value<ChoiceDto>("\"OI\"").Value?.Value, Is.EqualTo("OI"));
    }

    // ---- lists ----

    [TestCase("\"abc\"", "str")]
    [TestCase("{}", "dict")]
    [TestCase("1", "int")]
    [TestCase("1.5", "float")]
    [TestCase("true", "bool")]
    public void Non_lists_report_their_python_type(string fragment, string type)
    {
        Assert.That(Error<ListDto>(fragment), Is.EqualTo($"value: Expected a list of items but got type \"{type}\"."));
    }

    [Test]
    public void List_rules()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Error<ListDto>("[]"), Is.EqualTo("value: This list may not be empty."));
            Assert.That(Error<ListDto>("[\"ab\", \"abcd\"]"), Is.EqualTo("1: Ensure this field has no more than 3 characters."));
            Assert.That(FailureOf<ListDto>(Json("""{"value": [null]}""")).ErrorCode, Is.EqualTo("invalid-0"));
            Assert.That(Error<ListDto>("[null]"), Is.EqualTo("0: This field may not be null."));
            Assert.That(Value<ListDto>("[\" a \", 12]").Value?.Value, Is.EqualTo(new[] { "a", "12" }));
            Assert.That(Value<IntListDto>("[1, \"2\", 3.0]").Value?.Value, Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(Error<IntListDto>("[1, \"x\"]"), Is.EqualTo("1: A valid integer is required."));
            Assert.That(Value<IntListDto>("[]").IsValid, Is.True);
        });
    }

    // ---- declaration order ----

    [Test]
    public void Declaration_order_decides_which_error_wins()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FailureOf<OrderDto>(Json("""{"mid": 1}""")).Key, Is.EqualTo("zeta"));
            Assert.That(FailureOf<OrderDto>(Json("""{"mid": "x", "alpha": "y", "zeta": 1}""")).Key, Is.EqualTo("alpha"));
            Assert.That(FailureOf<RegisterRequest>(Json("""{"captcha": "", "email": "bad", "username": "u"}""")).ErrorMessage,
                Is.EqualTo("password: This field is required."));
        });
    }

    [Test]
    public void Base_class_fields_come_first_and_a_redeclared_field_keeps_its_place()
    {
        var missingAll = FailureOf<SmtpCreate>(Json("{}"));
        var missingPassword = FailureOf<SmtpCreate>(Json("""{"server": "s", "tls": false, "id": 1}"""));
        var valid = RequestValidator.Validate<SmtpCreate>(Json("""{"server": "s", "password": "p", "tls": "on", "id": "1"}"""));
        Assert.Multiple(() =>
        {
            Assert.That(missingAll.Key, Is.EqualTo("server"));
            Assert.That(missingPassword.ErrorMessage, Is.EqualTo("password: This field is required."));
            Assert.That(FailureOf<SmtpCreate>(Json("""{"server": "s", "password": "p", "tls": 1}""")).Key, Is.EqualTo("id"));
            Assert.That(valid.Value?.Password, Is.EqualTo("p"));
            Assert.That(valid.Value?.Tls, Is.True);
        });
    }

    // ---- form data ----

    [Test]
    public void Form_reads_the_last_value_and_lists_take_all_values()
    {
        var result = RequestValidator.Validate<WebsiteRequest>(Form(
            ("website_base_url", "first"), ("website_base_url", " http://oj "), ("allow_register", "true"),
            ("class_list", "231"), ("class_list", "2401")));
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True, result.Failure?.ErrorMessage);
            Assert.That(result.Value!.WebsiteBaseUrl, Is.EqualTo("http://oj"));
            Assert.That(result.Value.AllowRegister, Is.True);
            Assert.That(result.Value.ClassList, Is.EqualTo(new[] { "231", "2401" }));
        });
    }

    [Test]
    public void Form_follows_drfs_html_input_rules()
    {
        var missingBool = RequestValidator.Validate<WebsiteRequest>(Form(("website_base_url", "x"), ("class_list", "231")));
        var indexed = RequestValidator.Validate<WebsiteRequest>(Form(("website_base_url", "x"), ("class_list[1]", "232"), ("class_list[0]", "231")));
        var blankOptional = RequestValidator.Validate<OptionalDto>(Form(("password_length", ""), ("real_name", "")));
        Assert.Multiple(() =>
        {
            Assert.That(missingBool.Value?.AllowRegister, Is.False, "a missing checkbox is false");
            Assert.That(indexed.Value?.ClassList, Is.EqualTo(new[] { "231", "232" }));
            Assert.That(blankOptional.Value?.PasswordLength, Is.EqualTo(8));
            Assert.That(blankOptional.Value?.RealName, Is.Null);
            Assert.That(FailureOf<WebsiteRequest>(Form(("website_base_url", "x"))).ErrorMessage, Is.EqualTo("class_list: This field is required."));
            Assert.That(FailureOf<IntDto>(Form(("value", "abc"))).ErrorMessage, Is.EqualTo("value: A valid integer is required."));
            Assert.That(RequestValidator.Validate<IntDto>(Form(("value", "1"), ("value", " 7 "))).Value?.Value, Is.EqualTo(7));
            Assert.That(FailureOf<LooseTextDto>(Form(("value", ""))).ErrorMessage, Is.EqualTo("value: This field may not be blank."));
            Assert.That(FailureOf<LooseTextDto>(RequestData.Empty).ErrorMessage, Is.EqualTo("value: This field is required."));
        });
    }

    // ---- nested ----

    private const string ValidProblem = """
        {"title": "t", "samples": [{"input": " 1 ", "output": "2\n"}],
         "io_mode": {"io_mode_name": "Standard IO", "input": "in.txt", "output": "out.txt"},
         "template": {"C": "int main;"}, "_id": null}
        """;

    [Test]
    public void Nested_objects_lists_of_objects_and_dicts_are_validated()
    {
        var result = RequestValidator.Validate<ProblemRequest>(Json(ValidProblem));
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True, result.Failure?.ErrorMessage);
            Assert.That(result.Value!.Samples[0].Input, Is.EqualTo(" 1 "));
            Assert.That(result.Value.IoMode.Output, Is.EqualTo("out.txt"));
            Assert.That(result.Value.Template["C"], Is.EqualTo("int main;"));
            Assert.That(result.Value.DisplayId, Is.Null);
        });
    }

    [TestCase("\"samples\": []", "samples: This list may not be empty.")]
    [TestCase("\"samples\": [{\"input\": \"1\"}]", "output: This field is required.")]
    [TestCase("\"samples\": [{\"input\": \"1\", \"output\": \"2\"}, 3]", "Invalid data. Expected a dictionary, but got int.")]
    [TestCase("\"io_mode\": \"x\"", "Invalid data. Expected a dictionary, but got str.")]
    [TestCase("\"io_mode\": null", "io_mode: This field may not be null.")]
    [TestCase("\"io_mode\": {\"io_mode_name\": \"Bad\", \"input\": \"a\", \"output\": \"b\"}", "io_mode_name: \"Bad\" is not a valid choice.")]
    [TestCase("\"io_mode\": {\"io_mode_name\": \"File IO\", \"input\": \"a\", \"output\": \"a\"}", "Invalid io mode")]
    [TestCase("\"template\": {\"C\": \"x\", \"C++\": \"\"}", "C++: This field may not be blank.")]
    [TestCase("\"template\": []", "template: Expected a dictionary of items but got type \"list\".")]
    public void Nested_errors_report_the_innermost_key(string replacement, string message)
    {
        var document = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(ValidProblem)!;
        var patch = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("{" + replacement + "}")!;
        foreach (var (key, value) in patch)
        {
            document[key] = value;
        }

        var failure = FailureOf<ProblemRequest>(RequestData.FromJson(JsonSerializer.SerializeToElement(document)));
        Assert.That(failure.ErrorMessage, Is.EqualTo(message));
    }

    [Test]
    public void Free_dicts_and_json_values()
    {
        var result = RequestValidator.Validate<FreeDto>(Json("""{"options": {"a": [1, {"b": null}]}, "extra": {"x": null}, "anything": [true]}"""));
        var nullJson = RequestValidator.Validate<FreeDto>(Json("""{"options": {}, "anything": null}"""));
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True, result.Failure?.ErrorMessage);
            Assert.That(result.Value!.Options.GetProperty("a")[1].GetProperty("b").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(result.Value.Extra["x"].ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(result.Value.Anything[0].GetBoolean(), Is.True);
            Assert.That(nullJson.Value?.Anything.ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(FailureOf<FreeDto>(Json("""{"options": "x", "anything": 1}""")).ErrorMessage,
                Is.EqualTo("options: Expected a dictionary of items but got type \"str\"."));
            Assert.That(FailureOf<FreeDto>(Json("""{"options": {}}""")).ErrorMessage, Is.EqualTo("anything: This field is required."));
        });
    }

    // ---- hooks ----

    [Test]
    public void Cross_field_hook_runs_after_the_fields_passed()
    {
        var bad = FailureOf<WebsiteRequest>(Json("""{"website_base_url": "x", "allow_register": true, "class_list": ["231", "12", "abc"]}"""));
        var blank = RequestValidator.Validate<WebsiteRequest>(Json("""{"website_base_url": "x", "allow_register": true, "class_list": ["231", " "]}"""));
        var good = RequestValidator.Validate<WebsiteRequest>(Json("""{"website_base_url": "x", "allow_register": true, "class_list": []}"""));
        Assert.Multiple(() =>
        {
            Assert.That(bad.ErrorCode, Is.EqualTo("invalid-class_list"));
            Assert.That(bad.ErrorMessage, Is.EqualTo("class_list: 班级号 12 必须是 3~4 位数字"));
            Assert.That(blank.Failure?.ErrorMessage, Is.EqualTo("1: This field may not be blank."));
            Assert.That(good.Value?.HookCalls, Is.EqualTo(1));
        });
    }

    [Test]
    public void Field_check_runs_at_the_fields_position()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FailureOf<LanguagesDto>(Json("""{"languages": ["C", "Go"], "time_limit": "x"}""")).ErrorMessage,
                Is.EqualTo("languages: Go is not a valid language"));
            Assert.That(RequestValidator.Validate<LanguagesDto>(Json("""{"languages": ["C"], "time_limit": 1}""")).IsValid, Is.True);
        });
    }

    [Test]
    public void Validate_into_uses_the_given_instance()
    {
        var target = new OptionalDto { PasswordLength = 3 };
        var result = RequestValidator.ValidateInto(Json("""{"visible": "no"}"""), target);
        Assert.Multiple(() =>
        {
            Assert.That(result.Value, Is.SameAs(target));
            Assert.That(target.PasswordLength, Is.EqualTo(3));
            Assert.That(target.Visible, Is.False);
        });
    }

    // ---- date-times ----

    [TestCase("2024-05-01T10:00:00", "2024-05-01T02:00:00.0000000Z")]
    [TestCase("2024-05-01T10:00", "2024-05-01T02:00:00.0000000Z")]
    [TestCase("2024-05-01 10:00:00", "2024-05-01T02:00:00.0000000Z")]
    [TestCase("2024-05-01", "2024-04-30T16:00:00.0000000Z")]
    [TestCase("2024-05-01T10:00:00Z", "2024-05-01T10:00:00.0000000Z")]
    [TestCase("2024-05-01T10:00:00+09:00", "2024-05-01T01:00:00.0000000Z")]
    [TestCase("2024-05-01T10:00:00-0130", "2024-05-01T11:30:00.0000000Z")]
    [TestCase("2024-05-01T10:00:00.123456+08:00", "2024-05-01T02:00:00.1234560Z")]
    [TestCase("2024-05-01T10:00:00.5Z", "2024-05-01T10:00:00.5000000Z")]
    [TestCase("2024-5-1T9:05", "2024-05-01T01:05:00.0000000Z")]
    [TestCase("2024-05-01T10:00:00 +08:00", "2024-05-01T02:00:00.0000000Z")]
    [TestCase("20240501T100000", "2024-05-01T02:00:00.0000000Z")]
    public void Date_times_become_utc(string text, string expected)
    {
        var result = Value<DateDto>(JsonSerializer.Serialize(text));
        Assert.Multiple(() =>
        {
            Assert.That(result.Value?.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expected), result.Failure?.ErrorMessage);
            Assert.That(result.Value?.Value.Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }

    [TestCase("\"2024-13-01T00:00\"")]
    [TestCase("\"2024-02-30T00:00\"")]
    [TestCase("\"yesterday\"")]
    [TestCase("\"\"")]
    [TestCase("\"2024-05-01T25:00\"")]
    [TestCase("1714521600")]
    [TestCase("true")]
    public void Bad_date_times_report_the_formats(string fragment)
    {
        Assert.That(Error<DateDto>(fragment),
            Is.EqualTo("value: Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."));
    }

    [Test]
    public void Date_time_offsets_and_null()
    {
        var result = RequestValidator.Validate<StampDto>(Json("""{"start": "2024-05-01T08:00:00"}"""));
        var empty = RequestValidator.Validate<StampDto>(Json("""{"start": null}"""));
        Assert.Multiple(() =>
        {
            Assert.That(result.Value?.Start, Is.EqualTo(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero)));
            Assert.That(result.Value?.Start?.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(empty.IsValid && empty.Value!.Start is null, Is.True);
        });
    }

    [Test]
    public void Form_nested_objects_use_dotted_keys_and_json_fields_parse_their_text()
    {
        var result = RequestValidator.Validate<StampDto>(Form(("start", "2024-05-01T08:00:00Z"), ("sample.input", "1"), ("sample.output", "2"), ("data", "[1, {\"a\": null}]")));
        var badJson = FailureOf<StampDto>(Form(("start", "2024-05-01T08:00:00Z"), ("data", "{nope")));
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True, result.Failure?.ErrorMessage);
            Assert.That(result.Value?.Sample?.Output, Is.EqualTo("2"));
            Assert.That(result.Value?.Data[1].GetProperty("a").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(badJson.ErrorMessage, Is.EqualTo("data: Value must be valid JSON."));
        });
    }

    [Test]
    public void A_repeated_json_key_takes_its_last_value_like_python()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RequestValidator.Validate<IntDto>(Json("""{"value": "x", "value": 7}""")).Value?.Value, Is.EqualTo(7));
            Assert.That(Error<ChoiceDto>("""{"a": 1, "b": 2, "a": 3}"""), Is.EqualTo("value: \"{'a': 3, 'b': 2}\" is not a valid choice."));
        });
    }

    // ---- declarations ----

    [Test]
    public void Names_default_to_snake_case()
    {
        var failure = FailureOf<WebsiteRequest>(Json("{}"));
        Assert.That(failure.ErrorMessage, Is.EqualTo("website_base_url: This field is required."));
    }

    [Test]
    public void A_misdeclared_dto_fails_loudly()
    {
        Assert.That(() => RequestValidator.Validate<MisdeclaredDto>(Json("{}")), Throws.InvalidOperationException);
    }

    [Test]
    public void Failure_formats()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new ValidationFailure("email", "m").ErrorCode, Is.EqualTo("invalid-email"));
            Assert.That(new ValidationFailure("email", "m").ErrorMessage, Is.EqualTo("email: m"));
            Assert.That(ValidationFailure.NonField("m").ErrorCode, Is.EqualTo("invalid-non_field_errors"));
            Assert.That(ValidationFailure.NonField("m").ErrorMessage, Is.EqualTo("m"));
        });
    }

    [Test]
    public void Validation_is_thread_safe_on_first_use()
    {
        var results = Enumerable.Range(0, 32).AsParallel()
            .Select(i => RequestValidator.Validate<ProblemRequest>(Json(ValidProblem)).IsValid)
            .ToList();
        Assert.That(results, Is.All.True);
    }
}
