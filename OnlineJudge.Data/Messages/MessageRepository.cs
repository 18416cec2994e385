using System.Text.Json.Serialization;
using OnlineJudge.Data.Account;
using OnlineJudge.Data.Paging;

namespace OnlineJudge.Data.Messages;

/// <summary>The submission embedded in a message: SubmissionSafe (message.md), without <c>info</c>, <c>contest</c> and <c>ip</c>.</summary>
public sealed record MessageSubmissionDto(
    string Id,
    [property: JsonPropertyName("problem")] string Problem,
    DateTime CreateTime,
    int UserId,
    string Username,
    string Code,
    int Result,
    string Language,
    bool Shared,
    SubmissionStatisticInfo StatisticInfo);

/// <summary>The Message object (message.md); the recipient is not included.</summary>
public sealed record MessageDto(int Id, UserRefDto Sender, MessageSubmissionDto Submission, string Message, DateTime CreateTime);

public class MessageRepository(OnlineJudgeDbContext db)
{
    /// <summary>Messages to a user, newest first, with sender and submission from the same query.</summary>
    public Task<Page<MessageDto>> ListForRecipientAsync(int recipientId, PageRequest page, CancellationToken cancellationToken) =>
        db.Messages.Where(m => m.RecipientId == recipientId)
            .OrderByDescending(m => m.CreateTime).ThenByDescending(m => m.Id)
            .Select(m => new MessageDto(
                m.Id,
                new UserRefDto(m.Sender!.Id, m.Sender.Username, null),
                new MessageSubmissionDto(m.Submission!.Id, m.Submission.Problem!.DisplayId, m.Submission.CreateTime, m.Submission.UserId,
                    m.Submission.Username, m.Submission.Code, m.Submission.Result, m.Submission.Language, m.Submission.Shared,
                    m.Submission.StatisticInfo),
                m.Content,
                m.CreateTime))
            .ToPageAsync(page, cancellationToken);

    public Task<bool> ActiveUserExistsAsync(int userId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id == userId && !u.IsDisabled, cancellationToken);

    public Task<bool> SubmissionExistsAsync(string submissionId, CancellationToken cancellationToken) =>
        db.Submissions.AnyAsync(s => s.Id == submissionId, cancellationToken);

    public async Task<int> CreateAsync(int senderId, int recipientId, string submissionId, string content, DateTime now, CancellationToken cancellationToken)
    {
        var message = new Message
        {
            SenderId = senderId,
            RecipientId = recipientId,
            SubmissionId = submissionId,
            Content = content,
            CreateTime = now,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return message.Id;
    }
}
