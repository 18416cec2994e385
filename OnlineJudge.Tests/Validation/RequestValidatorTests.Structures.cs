using System.Text.RegularExpressions;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Tests.Validation;

/// <summary>Nested serializers, cross-field hooks, date-times and misdeclared requests.</summary>
public partial class RequestValidatorTests
{
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
