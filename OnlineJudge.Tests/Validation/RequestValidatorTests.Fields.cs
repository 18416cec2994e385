using System.Text.RegularExpressions;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Tests.Validation;

/// <summary>DRF field rules: the platform.md §5 examples, required and null, strings, e-mail and URL.</summary>
public partial class RequestValidatorTests
{
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
}
