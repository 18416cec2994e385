using OnlineJudge.Services.Health;

namespace OnlineJudge.Web.Controllers;

/// <summary>Reachability of PostgreSQL and Redis for load balancers: 200 when both answer, 503 otherwise.</summary>
public class HealthController(HealthService health) : ControllerBase
{
    [HttpGet("/healthz")]
    public async Task<IActionResult> Get(CancellationToken cancellationToken)
    {
        var report = await health.CheckAsync(cancellationToken);
        var body = new { status = report.Status, postgres = report.Postgres, redis = report.Redis };
        return report.Status == "healthy" ? Ok(body) : StatusCode(StatusCodes.Status503ServiceUnavailable, body);
    }
}
