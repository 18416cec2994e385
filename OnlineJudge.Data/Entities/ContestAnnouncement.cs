namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>contest_announcement</c> (data-model.md §2.5).</summary>
public class ContestAnnouncement
{
    public int Id { get; set; }
    public int ContestId { get; set; }
    public string Title { get; set; } = "";
    public string Content { get; set; } = "";
    public int CreatedById { get; set; }
    public bool Visible { get; set; } = true;
    public DateTime CreateTime { get; set; }

    public Contest? Contest { get; set; }
    public User? CreatedBy { get; set; }
}
