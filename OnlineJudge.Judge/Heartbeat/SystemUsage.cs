using System.Globalization;

namespace OnlineJudge.Judge.Heartbeat;

/// <summary>
/// CPU and memory use of the machine in percent, read from /proc like psutil does upstream: CPU over the time since the
/// previous reading, memory as (total − available) / total.
/// </summary>
public sealed class SystemUsage
{
    private readonly Lock gate = new();
    private (long Busy, long Total) previous = ReadCpuTimes();

    public double CpuPercent()
    {
        var current = ReadCpuTimes();
        lock (gate)
        {
            var total = current.Total - previous.Total;
            var busy = current.Busy - previous.Busy;
            previous = current;
            return total <= 0 ? 0.0 : Math.Round(Math.Clamp(100.0 * busy / total, 0, 100), 1);
        }
    }

    public static double MemoryPercent()
    {
        long total = 0, available = 0;
        foreach (var line in File.ReadLines("/proc/meminfo"))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                total = ParseKilobytes(line);
            }
            else if (line.StartsWith("MemAvailable:", StringComparison.Ordinal))
            {
                available = ParseKilobytes(line);
            }
        }

        return total <= 0 ? 0.0 : Math.Round(Math.Clamp(100.0 * (total - available) / total, 0, 100), 1);
    }

    private static long ParseKilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    /// <summary>The aggregate "cpu" line of /proc/stat: idle = idle + iowait, busy = everything else but guest time (already in user).</summary>
    private static (long Busy, long Total) ReadCpuTimes()
    {
        var line = File.ReadLines("/proc/stat").First();
        var values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = values.Sum();
        var idle = values[3] + (values.Length > 4 ? values[4] : 0);
        return (total - idle, total);
    }
}
