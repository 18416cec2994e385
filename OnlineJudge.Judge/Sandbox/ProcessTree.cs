using System.Globalization;

namespace OnlineJudge.Judge.Sandbox;

/// <summary>Resident memory of a process and all its descendants, read from /proc (children of every thread are followed).</summary>
public static class ProcessTree
{
    private const int MaxProcesses = 8192;
    private static readonly long PageSize = Environment.SystemPageSize;

    public static long ResidentBytes(int rootPid)
    {
        long total = 0;
        var pending = new Stack<int>();
        pending.Push(rootPid);
        var seen = 0;
        while (pending.Count > 0 && seen++ < MaxProcesses)
        {
            var pid = pending.Pop();
            total += ReadResident(pid);
            foreach (var child in Children(pid))
            {
                pending.Push(child);
            }
        }

        return total;
    }

    private static long ReadResident(int pid)
    {
        try
        {
            // statm: size resident shared text lib data dt (pages)
            var fields = File.ReadAllText($"/proc/{pid}/statm").Split(' ', 3);
            return fields.Length >= 2 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pages) ? pages * PageSize : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Direct children of a process (of all its threads).</summary>
    public static IEnumerable<int> Children(int pid)
    {
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var task in tasks)
        {
            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(task, "children"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var child))
                {
                    yield return child;
                }
            }
        }
    }
}
