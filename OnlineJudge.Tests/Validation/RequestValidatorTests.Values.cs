using System.Text.RegularExpressions;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Tests.Validation;

/// <summary>DRF field rules: integers, floats, booleans, choices, lists, declaration order, form data.</summary>
public partial class RequestValidatorTests
{
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
}
