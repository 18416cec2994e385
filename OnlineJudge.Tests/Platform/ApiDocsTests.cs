namespace OnlineJudge.Tests.Platform;

public class ApiDocsTests : IntegrationTest
{
    [Test]
    public async Task OpenApi_document_lists_the_endpoints_and_the_docs_page_is_served()
    {
        var document = await Client.GetAsync("/api/openapi/v1.json");
        var redirect = await Client.Http.GetAsync("/api/docs");
        var page = redirect.StatusCode == HttpStatusCode.Found ? await Client.Http.GetAsync(new Uri(new Uri(ApiClient.BaseAddress, "/api/docs"), redirect.Headers.Location!)) : redirect;
        Assert.Multiple(() =>
        {
            Assert.That(document.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(document.Json.GetProperty("paths").TryGetProperty("/api/website", out _), Is.True);
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        });
    }

    [Test]
    public async Task Responses_are_envelopes_and_a_get_with_an_optional_id_shows_both_shapes()
    {
        var document = (await Client.GetAsync("/api/openapi/v1.json")).Json;
        var operation = document.GetProperty("paths").GetProperty("/api/admin/problem").GetProperty("get");
        var reference = operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json")
            .GetProperty("schema").GetProperty("$ref").GetString()!;
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var envelope = schemas.GetProperty(reference.Split('/')[^1]).GetProperty("properties");
        var data = schemas.GetProperty(envelope.GetProperty("data").GetProperty("$ref").GetString()!.Split('/')[^1]);
        var parameters = operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(envelope.TryGetProperty("error", out _), Is.True);
            Assert.That(data.GetProperty("oneOf").EnumerateArray().Select(s => s.GetProperty("$ref").GetString()),
                Is.EqualTo(new[] { "#/components/schemas/ProblemAdminDto", "#/components/schemas/PageOfProblemAdminListItemDto" }));
            Assert.That(parameters, Is.EqualTo(new[] { "id", "keyword", "author", "tag_id", "limit", "offset" }));
        });
    }
}
