using Microsoft.Extensions.Options;
using OnlineJudge.Judge.Options;

namespace OnlineJudge.Judge.Hosting;

/// <summary>Stops the server once the process named by <c>JudgeServer:ExitWithProcessId</c> is gone (build.ps1 run, even when it is killed).</summary>
public sealed class ParentProcessWatcher(IOptions<JudgeServerOptions> options, IHostApplicationLifetime lifetime, ILogger<ParentProcessWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ExitWithProcessId is not { } pid)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!IsRunning(pid))
                {
                    logger.LogInformation("Process {Pid} has exited: stopping the judge server", pid);
                    lifetime.StopApplication();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <summary>Alive and not a zombie waiting for its own parent.</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var afterName = stat.LastIndexOf(')');
            return afterName < 0 || afterName + 2 >= stat.Length || stat[afterName + 2] != 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
