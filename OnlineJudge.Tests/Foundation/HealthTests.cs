using System.Net;
using System.Text.Json;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Foundation;

public class HealthTests : IntegrationTest
{
    [Test]
    public async Task Healthz_reports_both_services_up()
    {
        var response = await Client.GetAsync("/healthz");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("healthy"));
            Assert.That(body.GetProperty("postgres").GetString(), Is.EqualTo("up"));
            Assert.That(body.GetProperty("redis").GetString(), Is.EqualTo("up"));
        });
    }
}
