using AutoMapper;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Tests.Platform;

public class EnvelopeTests : IntegrationTest
{
    [Test]
    public async Task Success_is_an_envelope_with_null_error_and_json_content_type()
    {
        var response = await Client.GetAsync("/api/_probe/items");
        var data = response.Ok();
        Assert.Multiple(() =>
        {
            Assert.That(response.ContentType, Does.StartWith("application/json").IgnoreCase);
            Assert.That(response.ContentType, Does.Contain("charset=utf-8").IgnoreCase);
            Assert.That(response.Json.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "error", "data" }));
            Assert.That(data.GetArrayLength(), Is.EqualTo(2));
            Assert.That(data[0].GetProperty("id").GetInt32(), Is.EqualTo(1));
            Assert.That(data[0].GetProperty("name").GetString(), Is.EqualTo("一"));
            Assert.That(data[0].GetProperty("create_time").GetString(), Is.EqualTo("2026-08-07T15:19:10+08:00"));
            Assert.That(data[1].GetProperty("create_time").GetString(), Is.EqualTo("2026-08-07T15:19:10.789123+08:00"));
        });
    }

    [Test]
    public async Task Business_error_is_an_error_envelope_with_http_200()
    {
        (await Client.GetAsync("/api/_probe/error")).AssertError("error", "Something is wrong");
        (await Client.GetAsync("/api/_probe/service-exception")).AssertError("error", "Contest does not exist");
    }

    [Test]
    public async Task Unhandled_exception_is_the_server_error_envelope_without_details()
    {
        var response = await Client.GetAsync("/api/_probe/throw");
        response.AssertError("server-error", "server error");
        Assert.That(response.Body, Does.Not.Contain("boom").And.Not.Contain("InvalidOperationException"));
    }

    [Test]
    public void Mapper_turns_a_list_of_dtos_into_the_data_array()
    {
        var mapper = TestEnvironment.Factory.Services.GetRequiredService<IMapper>();
        ServiceResult<List<PlatformProbeController.Item>> result = new List<PlatformProbeController.Item>
        {
            new(7, "a", DateTime.UnixEpoch),
        };

        var envelope = mapper.Map<Envelope>(result);
        var error = mapper.Map<Envelope>(ServiceResult<List<int>>.Fail(ServiceError.PermissionDenied("Please login first")));

        Assert.Multiple(() =>
        {
            Assert.That(envelope.Error, Is.Null);
            Assert.That(envelope.Data, Is.InstanceOf<List<PlatformProbeController.Item>>());
            Assert.That(((List<PlatformProbeController.Item>)envelope.Data!)[0].Id, Is.EqualTo(7));
            Assert.That(error.Error, Is.EqualTo("permission-denied"));
            Assert.That(error.Data, Is.EqualTo("Please login first"));
        });
        mapper.ConfigurationProvider.AssertConfigurationIsValid();
    }

    [Test]
    public async Task Unknown_url_is_an_html_404()
    {
        var response = await Client.GetAsync("/api/no_such_endpoint");
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(response.ContentType, Does.StartWith("text/html"));
            Assert.That(response.Body, Does.Contain("Not Found"));
        });
    }

    [Test]
    public async Task Unsupported_method_is_405_with_allow_header_and_empty_body()
    {
        var response = await Client.SendAsync(HttpMethod.Put, "/api/_probe/items", JsonBody("{}"));
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(response.Body, Is.Empty);
            Assert.That(response.Message.Content.Headers.Allow.Concat(response.Message.Headers.Select(h => h.Key)),
                Is.Not.Empty);
        });
        Assert.That(response.Message.Content.Headers.Allow, Does.Contain("GET"));
    }

    [Test]
    public async Task Body_parsing_comes_before_405()
    {
        var response = await Client.SendAsync(HttpMethod.Patch, "/api/_probe/items", null);
        response.AssertError("invalid-request", "content_type is required");
    }

    [Test]
    public async Task Security_headers_are_set()
    {
        var response = await Client.Http.GetAsync("/api/_probe/items");
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.GetValues("X-Frame-Options"), Does.Contain("DENY"));
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Does.Contain("nosniff"));
        });
    }

    [Test]
    public async Task A_10000_deep_json_body_gets_an_error_envelope_and_the_server_keeps_answering()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var response = await Client.PostRawAsync("/api/_probe/echo", deep, "application/json");
        Assert.That(response.Error, Is.EqualTo("invalid-request"));
        Assert.That(response.Data.GetString(), Does.Contain("nested too deeply"));

        var nested = "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5001);
        Assert.That((await Client.PostRawAsync("/api/_probe/echo", nested, "application/json")).Error, Is.EqualTo("invalid-request"));

        (await Client.GetAsync("/api/_probe/items")).Ok();
    }

    private static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
