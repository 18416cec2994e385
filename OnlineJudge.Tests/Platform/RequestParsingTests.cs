namespace OnlineJudge.Tests.Platform;

/// <summary>platform.md §4.</summary>
public class RequestParsingTests : IntegrationTest
{
    [Test]
    public async Task Get_reads_the_query_string_and_the_last_value_wins()
    {
        var data = (await Client.GetAsync("/api/_probe/echo?a=1&b=x&a=2")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("a").EnumerateArray().Select(v => v.GetString()), Is.EqualTo(new[] { "1", "2" }));
            Assert.That(data.GetProperty("b")[0].GetString(), Is.EqualTo("x"));
        });
        Assert.That((await Client.GetAsync("/api/_probe/page?limit=5&limit=7")).Ok().GetProperty("limit").GetInt32(), Is.EqualTo(7));
    }

    [Test]
    public async Task Delete_reads_the_query_string_and_ignores_the_body()
    {
        var data = (await Client.SendAsync(HttpMethod.Delete, "/api/_probe/echo?id=3", new StringContent("not json"))).Ok();
        Assert.That(data.GetProperty("id")[0].GetString(), Is.EqualTo("3"));
    }

    [Test]
    public async Task Json_bodies_of_any_kind_are_accepted()
    {
        Assert.Multiple(async () =>
        {
            Assert.That((await Client.PostRawAsync("/api/_probe/echo", "{\"x\": [1, 2]}", "application/json; charset=utf-8")).Ok()
                .GetProperty("x").GetArrayLength(), Is.EqualTo(2));
            Assert.That((await Client.PostRawAsync("/api/_probe/echo", "[1]", "application/json")).Ok().ValueKind, Is.EqualTo(JsonValueKind.Array));
            Assert.That((await Client.PostRawAsync("/api/_probe/echo", "\"s\"", "application/json")).Ok().GetString(), Is.EqualTo("s"));
            Assert.That((await Client.PostRawAsync("/api/_probe/echo", "null", "application/json")).Ok().ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That((await Client.PostRawAsync("/api/_probe/echo", "", "application/json")).Ok().ValueKind, Is.EqualTo(JsonValueKind.Object));
        });
    }

    [Test]
    public async Task Urlencoded_bodies_are_parsed_as_forms()
    {
        var data = (await Client.PostRawAsync("/api/_probe/echo", "a=1&a=%E4%B8%80&b=", "application/x-www-form-urlencoded")).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("a").EnumerateArray().Select(v => v.GetString()), Is.EqualTo(new[] { "1", "一" }));
            Assert.That(data.GetProperty("b")[0].GetString(), Is.EqualTo(""));
        });
    }

    [Test]
    public async Task Missing_content_type_is_invalid_request()
    {
        (await Client.PostRawAsync("/api/_probe/echo", "{}", null)).AssertError("invalid-request", "content_type is required");
    }

    [TestCase("text/plain; charset=UTF-8")]
    [TestCase("multipart/form-data; boundary=x")]
    public async Task Unknown_content_type_is_invalid_request(string contentType)
    {
        (await Client.PostRawAsync("/api/_probe/echo", "{}", contentType)).AssertError("invalid-request", $"unknown content_type '{contentType}'");
    }

    [TestCase("{")]
    [TestCase("{'a': 1}")]
    [TestCase("   ")]
    public async Task Unparsable_json_is_invalid_request(string body)
    {
        var response = await Client.PostRawAsync("/api/_probe/echo", body, "application/json");
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Error, Is.EqualTo("invalid-request"));
            Assert.That(response.Data.GetString(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task Bodies_over_2_5_MiB_are_an_html_400()
    {
        var body = "{\"a\": \"" + new string('x', 2_621_440) + "\"}";
        var response = await Client.PostRawAsync("/api/_probe/echo", body, "application/json");
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Body, Does.Contain("Bad Request (400)"));
        });
    }

    [Test]
    public async Task Forms_with_more_than_1000_fields_are_an_html_400()
    {
        var body = string.Join("&", Enumerable.Range(0, 1001).Select(i => $"f{i}=1"));
        var response = await Client.PostRawAsync("/api/_probe/echo", body, "application/x-www-form-urlencoded");
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Head_and_options_fail_body_parsing_without_content_type()
    {
        (await Client.SendAsync(HttpMethod.Head, "/api/_probe/items", null, csrf: false)).Message.EnsureSuccessStatusCode();
        (await Client.SendAsync(HttpMethod.Options, "/api/_probe/items", null, csrf: false)).AssertError("invalid-request", "content_type is required");
    }
}
