using OnlineJudge.Judge.Judging;

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
}
