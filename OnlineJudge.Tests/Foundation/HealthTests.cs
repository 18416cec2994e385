namespace OnlineJudge.Tests.Foundation;

public class HealthTests : IntegrationTest
{
    [Test]
    public async Task Healthz_reports_both_services_up()
    {
        var response = await Client.GetAsync("/healthz");
        var body = response.Json;

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.ContentType, Does.StartWith("application/json"));
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("healthy"));
            Assert.That(body.GetProperty("postgres").GetString(), Is.EqualTo("up"));
            Assert.That(body.GetProperty("redis").GetString(), Is.EqualTo("up"));
        });
    }
}
