using OnlineJudge.Judge.Judging;
using OnlineJudge.Judge.Sandbox;

namespace OnlineJudge.Tests.Judge;

public class LimitMapperTests
{
    private const long MiB = 1024 * 1024;

    [Test]
    public void A_test_case_gets_three_times_the_cpu_limit_as_wall_clock_and_twice_the_memory_as_address_space()
    {
        var limits = LimitMapper.ForTestCase(1000, 256 * MiB, memoryLimitCheckOnly: false, expectedOutputSize: 10);

        Assert.Multiple(() =>
        {
            Assert.That(limits.CpuTimeMs, Is.EqualTo(1000));
            Assert.That(limits.RealTimeMs, Is.EqualTo(3000));
            Assert.That(limits.MemoryBytes, Is.EqualTo(256 * MiB));
            Assert.That(limits.AddressSpaceBytes, Is.EqualTo(512 * MiB));
            Assert.That(limits.StackBytes, Is.EqualTo(128 * MiB));
            Assert.That(limits.OutputBytes, Is.EqualTo(16 * MiB));
            Assert.That(limits.CpuRlimitSeconds, Is.EqualTo(2));
            Assert.That(limits.TreeMemoryCapBytes, Is.EqualTo(512 * MiB));
        });
    }

    [Test]
    public void Check_only_languages_get_no_address_space_limit_but_keep_the_memory_monitor()
    {
        var limits = LimitMapper.ForTestCase(1000, 256 * MiB, memoryLimitCheckOnly: true, expectedOutputSize: 0);

        Assert.That(limits.AddressSpaceBytes, Is.Null);
        Assert.That(limits.TreeMemoryCapBytes, Is.EqualTo(512 * MiB));
    }

    [Test]
    public void The_output_cap_is_twice_the_expected_output_or_16_mib()
    {
        Assert.That(LimitMapper.ForTestCase(1000, MiB, false, 100 * MiB).OutputBytes, Is.EqualTo(200 * MiB));
        Assert.That(LimitMapper.ForTestCase(1000, MiB, false, 3 * MiB).OutputBytes, Is.EqualTo(16 * MiB));
    }

    [TestCase(1, 1)]
    [TestCase(500, 1)]
    [TestCase(999, 1)]
    [TestCase(1000, 2)]
    [TestCase(2500, 3)]
    public void The_cpu_rlimit_is_a_second_above_the_limit_rounded_down(int cpuMs, int seconds)
    {
        Assert.That(LimitMapper.ForTestCase(cpuMs, MiB, false, 0).CpuRlimitSeconds, Is.EqualTo(seconds));
    }

    [Test]
    public void Compiles_use_their_own_wall_clock_limit_and_a_20_mib_output_cap()
    {
        var limits = LimitMapper.ForCompile(3000, 10000, 256 * MiB);

        Assert.Multiple(() =>
        {
            Assert.That(limits.RealTimeMs, Is.EqualTo(10000));
            Assert.That(limits.OutputBytes, Is.EqualTo(20 * MiB));
            Assert.That(limits.AddressSpaceBytes, Is.EqualTo(512 * MiB));
        });
    }

    [Test]
    public void Unlimited_memory_sets_no_memory_limit_at_all()
    {
        var limits = LimitMapper.ForCompile(5000, 10000, -1);

        Assert.That(limits.AddressSpaceBytes, Is.Null);
        Assert.That(limits.TreeMemoryCapBytes, Is.Null);
    }

    [TestCase(268435456L, 262144L)]
    [TestCase(1000L, 0L)]
    [TestCase(-1L, 0L)]
    public void The_max_memory_placeholder_is_in_whole_kilobytes(long bytes, long kilobytes)
    {
        Assert.That(LimitMapper.MemoryPlaceholderKilobytes(bytes), Is.EqualTo(kilobytes));
    }

    [Test]
    public void Sandbox_limits_become_prlimit_arguments()
    {
        var spec = new SandboxSpec(["/judger/run/x/main"], [], LimitMapper.ForTestCase(1000, 64 * MiB, false, 0), "/judger/work", [], "/dev/null", "/tmp/out");
        var arguments = BwrapArgumentsFor(spec);
        var limits = arguments.SkipWhile(a => !a.EndsWith("prlimit", StringComparison.Ordinal)).TakeWhile(a => a != "/judger/run/x/main").ToList();

        Assert.That(limits, Is.SupersetOf(new[] { "--cpu=2", $"--as={128 * MiB}", $"--stack={128 * MiB}", $"--fsize={16 * MiB}", "--core=0" }));
        Assert.That(arguments, Is.SupersetOf(new[] { "--unshare-all", "--unshare-user", "--die-with-parent", "--new-session" }));
        Assert.That(arguments[^1], Is.EqualTo("/judger/run/x/main"));
    }

    private static IReadOnlyList<string> BwrapArgumentsFor(SandboxSpec spec)
    {
        var host = (SandboxHost)JudgeTestEnvironment.Server.Services.GetService(typeof(SandboxHost))!;
        return new BwrapCommandBuilder(new OnlineJudge.Judge.Options.SandboxOptions(), host).Build(spec);
    }
}
