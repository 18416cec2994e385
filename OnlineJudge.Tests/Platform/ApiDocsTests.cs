using System.Net;
using OnlineJudge.Tests.Infrastructure;

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
}
