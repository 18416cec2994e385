namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>judge_server</c> (data-model.md §2.8, conf.md "Data").</summary>
public class JudgeServer
{
    public int Id { get; set; }
    public string Hostname { get; set; } = "";
    public string? Ip { get; set; }
    public string JudgerVersion { get; set; } = "";
    public int CpuCore { get; set; }

    /// <summary>Percent.</summary>
    public double MemoryUsage { get; set; }

    /// <summary>Percent.</summary>
    public double CpuUsage { get; set; }

    public DateTime LastHeartbeat { get; set; }
    public DateTime CreateTime { get; set; }
    public int TaskNumber { get; set; }
    public string? ServiceUrl { get; set; }
    public bool IsDisabled { get; set; }
}
