using OnlineJudge.Services.Mail;

namespace OnlineJudge.Web.Controllers.Admin;

/// <summary>conf.md legacy: SMTP configuration (stored in the <c>smtp_config</c> option) and a test mail; super admin, then validation.</summary>
[SuperAdminRequired]
public class SmtpAdminController(SmtpConfigService smtp) : ApiControllerBase
{
    [HttpGet("/api/admin/smtp")]
    public async Task<ServiceResult<SmtpConfigView?>> Get(CancellationToken cancellationToken) =>
        await smtp.GetAsync(cancellationToken);

    [HttpPost("/api/admin/smtp")]
    public async Task<ServiceResult> Create(CreateSmtpConfigRequest request, CancellationToken cancellationToken) =>
        await smtp.CreateAsync(request, cancellationToken);

    [HttpPut("/api/admin/smtp")]
    public async Task<ServiceResult> Edit(EditSmtpConfigRequest request, CancellationToken cancellationToken) =>
        await smtp.EditAsync(request, cancellationToken);

    [HttpPost("/api/admin/smtp_test")]
    public async Task<ServiceResult> Test(TestSmtpConfigRequest request, CancellationToken cancellationToken) =>
        await smtp.TestAsync(request, CurrentUser!.Username, cancellationToken);
}
