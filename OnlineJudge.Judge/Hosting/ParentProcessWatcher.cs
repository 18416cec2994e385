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
                if (!Directory.Exists($"/proc/{pid}"))
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
}
