using OnlineJudge.Data.Messages;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Messages;

/// <summary>Body of <c>POST /api/message</c> (message.md §2).</summary>
public sealed class CreateMessageRequest
{
    [IntegerField]
    public int Recipient { get; set; }

    [StringField]
    public string Submission { get; set; } = "";

    [StringField]
    public string Message { get; set; } = "";
}

/// <summary>Teacher-to-student messages about a submission (message.md).</summary>
public class MessageService(MessageRepository messages, TimeProvider time)
{
    public Task<Page<MessageDto>> ListAsync(CurrentUser caller, PageRequest page, CancellationToken cancellationToken) =>
        messages.ListForRecipientAsync(caller.Id, page, cancellationToken);

    public async Task<ServiceResult> CreateAsync(CreateMessageRequest request, CurrentUser caller, CancellationToken cancellationToken)
    {
        if (request.Recipient == caller.Id)
        {
            return ServiceError.Of("Can not send a message to youself");
        }

        if (!await messages.ActiveUserExistsAsync(request.Recipient, cancellationToken))
        {
            return ServiceError.Of("User does not exist");
        }

        if (!await messages.SubmissionExistsAsync(request.Submission, cancellationToken))
        {
            return ServiceError.Of("Submission does not exist");
        }

        await messages.CreateAsync(caller.Id, request.Recipient, request.Submission, RichTextSanitizer.Sanitize(request.Message),
            time.GetUtcNow().UtcDateTime, cancellationToken);
        return ServiceResult.Ok();
    }
}
