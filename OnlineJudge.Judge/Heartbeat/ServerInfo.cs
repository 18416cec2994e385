using Microsoft.Extensions.Options;
using OnlineJudge.Judge.Options;
using OnlineJudge.Judge.Protocol;

namespace OnlineJudge.Judge.Heartbeat;

/// <summary>What <c>/ping</c> answers and every heartbeat carries (keys in upstream's order).</summary>
public sealed class ServerInfo(IOptions<JudgeServerOptions> options, SystemUsage usage)
{
    /// <summary>Shown as the judge server's version in the admin page (at most 32 characters).</summary>
    public static readonly string Version = "oj-judge " + (typeof(ServerInfo).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");

    public JsonFields Describe() => new()
    {
        { "hostname", options.Value.EffectiveHostname },
        { "cpu", usage.CpuPercent() },
        { "cpu_core", Environment.ProcessorCount },
        { "memory", SystemUsage.MemoryPercent() },
        { "judger_version", Version },
    };
}
