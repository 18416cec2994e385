namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>announcement</c> (announcement.md "Data").</summary>
public class Announcement
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Content { get; set; } = "";
    public string Tag { get; set; } = "";
    public DateTime CreateTime { get; set; }
    public DateTime LastUpdateTime { get; set; }
    public bool Visible { get; set; } = true;
    public bool Top { get; set; }
    public int CreatedById { get; set; }

    public User? CreatedBy { get; set; }
}
