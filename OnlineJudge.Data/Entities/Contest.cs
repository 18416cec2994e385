namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>contest</c> (data-model.md §2.4).</summary>
public class Contest
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Tag { get; set; } = "";

    /// <summary>NULL or empty = public contest.</summary>
    public string? Password { get; set; }

    public DateTime StartTime { get; set; }
    public DateTime EndTime { get; set; }
    public DateTime CreateTime { get; set; }
    public DateTime LastUpdateTime { get; set; }
    public int CreatedById { get; set; }
    public bool Visible { get; set; } = true;

    /// <summary>CIDR strings, e.g. <c>10.13.0.0/16</c>.</summary>
    public List<string> AllowedIpRanges { get; set; } = [];

    public User? CreatedBy { get; set; }
}
