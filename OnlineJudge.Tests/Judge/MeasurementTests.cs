using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using OnlineJudge.Judge.Judging;
using OnlineJudge.Judge.Sandbox;

namespace OnlineJudge.Tests.Judge;

/// <summary>Accuracy of what the sandbox measures: CPU time of a calibrated busy loop, peak memory of a known allocation.</summary>
[NonParallelizable]
public class MeasurementTests
{
    private static JudgeServerHarness Server => JudgeTestEnvironment.Server;

    /// <summary>Spins until the process's own CPU clock shows <paramref name="milliseconds"/>.</summary>
    private static string SpinFor(int milliseconds) =>
        "#define _POSIX_C_SOURCE 199309L\n#include <stdio.h>\n#include <time.h>\nint main(){struct timespec t;volatile long x=0;do{for(int i=0;i<100000;i++)x++;clock_gettime(CLOCK_PROCESS_CPUTIME_ID,&t);}"
        + $"while(t.tv_sec*1000+t.tv_nsec/1000000<{milliseconds});int a,b;scanf(\"%d %d\",&a,&b);printf(\"%d\\n\",a+b);return 0;}}\n";

    [Test]
    public async Task Cpu_time_of_a_busy_loop_is_measured_within_ten_percent()
    {
        JudgeLanguage.C.RequireToolchain();
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.C, SpinFor(400), "aplusb1", 1000));

        Assert.That(reply.Verdict, Is.EqualTo(RunResult.Success), reply.ToString());
        Assert.That(reply.Cases[0].GetProperty("cpu_time").GetInt32(), Is.InRange(360, 440), reply.ToString());
    }

    [Test]
    public async Task A_busy_loop_past_the_limit_is_a_time_limit_exceeded()
    {
        JudgeLanguage.C.RequireToolchain();
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.C, SpinFor(600), "aplusb1", 500));

        Assert.That(reply.Verdict, Is.EqualTo(RunResult.CpuTimeLimitExceeded), reply.ToString());
    }

    [Test]
    public async Task Peak_memory_of_a_known_allocation_is_measured_within_ten_percent()
    {
        JudgeLanguage.C.RequireToolchain();
        var src = "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\nint main(){size_t n=100UL<<20;char*p=malloc(n);memset(p,1,n);int a,b;scanf(\"%d %d\",&a,&b);printf(\"%d\\n\",a+b+p[n/2]-1);return 0;}\n";
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.C, src, "aplusb1", 1000, 256 * JudgeBodies.MiB));

        Assert.That(reply.Verdict, Is.EqualTo(RunResult.Success), reply.ToString());
        Assert.That(reply.Cases[0].GetProperty("memory").GetInt64(), Is.InRange(100 * JudgeBodies.MiB, 110 * JudgeBodies.MiB), reply.ToString());
    }

    [Test]
    public async Task Cpu_time_counts_the_processes_below_the_init_and_not_the_init_itself()
    {
        // Stands for the sandbox's init: it spins 150 ms itself (bubblewrap's setup, in miniature), then reaps a child that spins 100 ms.
        JudgeLanguage.C.RequireToolchain();
        var folder = Directory.CreateTempSubdirectory("oj-reaper-").FullName;
        try
        {
            var source = Path.Combine(folder, "init.c");
            await File.WriteAllTextAsync(source,
                "#define _POSIX_C_SOURCE 199309L\n#include <time.h>\n#include <unistd.h>\n#include <sys/wait.h>\n"
                + "static void spin(long ms){struct timespec t;volatile long x=0;do{for(int i=0;i<10000;i++)x++;clock_gettime(CLOCK_PROCESS_CPUTIME_ID,&t);}"
                + "while(t.tv_sec*1000+t.tv_nsec/1000000<ms);}\n"
                + "int main(){spin(150);pid_t p=fork();if(p==0){spin(100);_exit(0);}waitpid(p,0,0);return 0;}\n");
            using (var gcc = Process.Start("/usr/bin/gcc", ["-O2", "-o", Path.Combine(folder, "init"), source]))
            {
                await gcc.WaitForExitAsync();
                Assert.That(gcc.ExitCode, Is.Zero, "gcc failed");
            }

            var pid = NativeSpawner.Spawn([Path.Combine(folder, "init")], [], "/dev/null", Path.Combine(folder, "out"), 2);
            var usage = ProcessReaper.ReapInit(pid, NullLogger.Instance);

            Assert.That(usage, Is.Not.Null);
            Assert.That(usage!.ProgramCpuMicroseconds / 1000, Is.InRange(95, 130), "only the child's 100 ms count, not the init's own 150 ms");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
