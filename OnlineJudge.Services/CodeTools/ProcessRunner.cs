using System.Diagnostics;
using System.Text;

namespace OnlineJudge.Services.CodeTools;

/// <summary>How a short-lived tool run ended.</summary>
public sealed record ProcessOutcome(int ExitCode, string Stdout, string Stderr, bool TimedOut);

/// <summary>Runs a tool with input on stdin and a time limit; the process tree is killed on timeout or cancellation.</summary>
public static class ProcessRunner
{
    /// <summary>Null when the program cannot be started (missing).</summary>
    public static async Task<ProcessOutcome?> RunAsync(string fileName, IEnumerable<string> arguments, string input, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            if (!process.Start())
            {
                return null;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
        var stderr = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            try
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), limit.Token);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The tool stopped reading (it failed early); its exit code and stderr tell why.
            }

            await process.WaitForExitAsync(limit.Token);
            return new ProcessOutcome(process.ExitCode, await stdout, await stderr, false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            return new ProcessOutcome(-1, "", "", true);
        }
    }
}
