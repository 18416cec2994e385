namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>message</c> (message.md "Data").</summary>
public class Message
{
    public int Id { get; set; }

    /// <summary>Column <c>message</c> (a member cannot share its class's name).</summary>
    public string Content { get; set; } = "";

    public DateTime CreateTime { get; set; }
    public int RecipientId { get; set; }
    public int SenderId { get; set; }
    public string SubmissionId { get; set; } = "";

    public User? Recipient { get; set; }
    public User? Sender { get; set; }
    public Submission? Submission { get; set; }
}
