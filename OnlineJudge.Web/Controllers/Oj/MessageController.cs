using OnlineJudge.Data.Messages;
using OnlineJudge.Services.Messages;

namespace OnlineJudge.Web.Controllers.Oj;

/// <summary>message.md: the caller's messages; super admins send them (role check before validation).</summary>
public class MessageController(MessageService messages) : ApiControllerBase
{
    [LoginRequired]
    [HttpGet("/api/message")]
    public async Task<ServiceResult<Page<MessageDto>>> List(PageQuery query, CancellationToken cancellationToken) =>
        await messages.ListAsync(CurrentUser!, query.Page, cancellationToken);

    [SuperAdminRequired]
    [HttpPost("/api/message")]
    public Task<ServiceResult> Create(CreateMessageRequest request, CancellationToken cancellationToken) =>
        messages.CreateAsync(request, CurrentUser!, cancellationToken);
}
