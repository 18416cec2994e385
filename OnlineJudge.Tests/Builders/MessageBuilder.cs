namespace OnlineJudge.Tests.Builders;

/// <summary>Makes a message about a submission directly in the test database.</summary>
public class MessageBuilder(User sender, User recipient, string submissionId)
{
    private string content = "<p>message</p>";
    private DateTime createTime = DateTime.UtcNow;

    public MessageBuilder WithContent(string value) { content = value; return this; }
    public MessageBuilder CreatedAt(DateTime value) { createTime = value; return this; }

    public async Task<Message> BuildAsync()
    {
        var message = new Message { SenderId = sender.Id, RecipientId = recipient.Id, SubmissionId = submissionId, Content = content, CreateTime = createTime };
        await using var db = TestEnvironment.CreateDbContext();
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        return message;
    }
}
