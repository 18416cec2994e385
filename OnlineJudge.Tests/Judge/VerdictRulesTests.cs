using OnlineJudge.Judge.Judging;
using OnlineJudge.Judge.Sandbox;

namespace OnlineJudge.Tests.Judge;

/// <summary>The order of checks of the upstream sandbox library, applied to measured runs.</summary>
public class VerdictRulesTests
{
    private static readonly RunLimits Limits = LimitMapper.ForTestCase(1000, 64L * 1024 * 1024, false, 0);

    private static SandboxOutcome Run(int cpu = 10, int real = 20, long memory = 1 << 20, int signal = 0, int exitCode = 0, bool killedForMemory = false) =>
        new(cpu, real, memory, signal, exitCode, RunError.None, false, killedForMemory);

    [Test]
    public void A_clean_exit_within_limits_is_success() => Assert.That(VerdictRules.Classify(Run(), Limits), Is.EqualTo(RunResult.Success));

    [Test]
    public void A_non_zero_exit_is_a_runtime_error() => Assert.That(VerdictRules.Classify(Run(exitCode: 1), Limits), Is.EqualTo(RunResult.RuntimeError));

    [Test]
    public void A_signal_is_a_runtime_error() => Assert.That(VerdictRules.Classify(Run(signal: 6), Limits), Is.EqualTo(RunResult.RuntimeError));

    [Test]
    public void A_segfault_over_the_memory_limit_is_a_memory_limit_exceeded()
    {
        Assert.That(VerdictRules.Classify(Run(signal: 11, memory: 100L << 20), Limits), Is.EqualTo(RunResult.MemoryLimitExceeded));
        Assert.That(VerdictRules.Classify(Run(signal: 11, memory: 1 << 20), Limits), Is.EqualTo(RunResult.RuntimeError));
    }

    [Test]
    public void Memory_over_the_limit_wins_over_an_error_exit() =>
        Assert.That(VerdictRules.Classify(Run(exitCode: 1, memory: 65L << 20), Limits), Is.EqualTo(RunResult.MemoryLimitExceeded));

    [Test]
    public void A_memory_kill_is_a_memory_limit_exceeded() =>
        Assert.That(VerdictRules.Classify(Run(signal: 9, killedForMemory: true), Limits), Is.EqualTo(RunResult.MemoryLimitExceeded));

    [Test]
    public void Wall_clock_then_cpu_time_win_over_everything_but_a_segfault()
    {
        Assert.That(VerdictRules.Classify(Run(real: 3001, signal: 9), Limits), Is.EqualTo(RunResult.RealTimeLimitExceeded));
        Assert.That(VerdictRules.Classify(Run(cpu: 1001, real: 3001, signal: 9), Limits), Is.EqualTo(RunResult.CpuTimeLimitExceeded));
        Assert.That(VerdictRules.Classify(Run(cpu: 1001, memory: 100L << 20), Limits), Is.EqualTo(RunResult.CpuTimeLimitExceeded));
    }

    [Test]
    public void Exactly_at_the_limits_is_still_success() =>
        Assert.That(VerdictRules.Classify(Run(cpu: 1000, real: 3000, memory: 64L << 20), Limits), Is.EqualTo(RunResult.Success));

    [Test]
    public void A_sandbox_failure_is_a_system_error() =>
        Assert.That(VerdictRules.Classify(SandboxOutcome.Failed(RunError.ForkFailed), Limits), Is.EqualTo(RunResult.SystemError));

    [TestCase(0, 0, 0)]
    [TestCase(1 << 8, 0, 1)]
    [TestCase(139 << 8, 11, 0)]
    [TestCase(137 << 8, 9, 0)]
    [TestCase(9, 9, 0)]
    [TestCase(255 << 8, 0, 255)]
    public void Exit_statuses_of_bubblewrap_decode_to_signal_and_exit_code(int status, int signal, int exitCode)
    {
        Assert.That(SandboxRunner.DecodeStatus(status), Is.EqualTo((signal, exitCode)));
    }
}
