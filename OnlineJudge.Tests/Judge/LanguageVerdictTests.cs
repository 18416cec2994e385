using OnlineJudge.Judge.Judging;

namespace OnlineJudge.Tests.Judge;

/// <summary>
/// Every language of judge.md §8.1 with its default command, judged end to end through <c>POST /judge</c>: each verdict
/// is the one the reference's judge gives for the same program.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class LanguageVerdictTests
{
    private static JudgeServerHarness Server => JudgeTestEnvironment.Server;

    private static IEnumerable<JudgeLanguage> Languages => JudgeLanguage.All;

    /// <summary>Memory limits that leave room for each runtime's own footprint (the JVM and V8 take ~40 MB).</summary>
    private static long MemoryLimit(JudgeLanguage language) => language.Name switch
    {
        "Java" => 256 * JudgeBodies.MiB,
        "JavaScript" => 128 * JudgeBodies.MiB,
        _ => 64 * JudgeBodies.MiB,
    };

    private static int CpuLimit(JudgeLanguage language) => language == JudgeLanguage.Java ? 2000 : 1000;

    [TestCaseSource(nameof(Languages))]
    public async Task Accepted(JudgeLanguage language)
    {
        language.RequireToolchain();
        var reply = await Server.JudgeAsync(JudgeBodies.For(language, LanguagePrograms.Accepted(language), cpuMs: CpuLimit(language), memory: MemoryLimit(language)));

        Assert.That(reply.Verdict, Is.EqualTo(RunResult.Success), reply.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(reply.Cases.Select(c => c.GetProperty("test_case").GetString()), Is.EquivalentTo(new[] { "1", "2" }));
            Assert.That(reply.Cases.Select(c => c.GetProperty("output_md5").GetString()), Is.EquivalentTo(new[] { "eccbc87e4b5ce2fe28308fd9f2a7baf3", "34173cb38f07f89ddbebc2ac9128303f" }));
            Assert.That(reply.Cases.All(c => c.GetProperty("memory").GetInt64() > 0 && c.GetProperty("exit_code").GetInt32() == 0 && c.GetProperty("error").GetInt32() == 0));
        });
    }

    [TestCaseSource(nameof(Languages))]
    public async Task Wrong_answer(JudgeLanguage language)
    {
        language.RequireToolchain();
        var reply = await Server.JudgeAsync(JudgeBodies.For(language, LanguagePrograms.WrongAnswer(language), cpuMs: CpuLimit(language), memory: MemoryLimit(language)));

        Assert.That(reply.Verdict, Is.EqualTo(RunResult.WrongAnswer), reply.ToString());
        Assert.That(reply.Cases.All(c => c.GetProperty("output_md5").GetString()!.Length == 32), reply.ToString());
    }

    [TestCaseSource(nameof(Languages))]
    public async Task Compile_error_carries_the_compiler_message(JudgeLanguage language)
    {
        language.RequireToolchain();
        var reply = await Server.JudgeAsync(JudgeBodies.For(language, LanguagePrograms.CompileError(language), memory: MemoryLimit(language)));

        Assert.That(reply.Error, Is.EqualTo("CompileError"), reply.ToString());
        Assert.That(reply.Data.GetString(), Is.Not.Empty.And.Not.StartsWith("Compiler runtime error"), reply.ToString());
    }

    [TestCaseSource(nameof(Languages))]
    public async Task Busy_loop_exceeds_the_time_limit(JudgeLanguage language)
    {
        language.RequireToolchain();
        var cpu = language == JudgeLanguage.Java ? 1000 : 500;
        var reply = await Server.JudgeAsync(JudgeBodies.For(language, LanguagePrograms.BusyLoop(language), "aplusb1", cpu, MemoryLimit(language)));

        Assert.That(reply.Verdict, Is.AnyOf(RunResult.CpuTimeLimitExceeded, RunResult.RealTimeLimitExceeded), reply.ToString());
        Assert.That(reply.Cases[0].GetProperty("real_time").GetInt32(), Is.LessThan(cpu * 3 + 1500), reply.ToString());
    }

    [TestCaseSource(nameof(Languages))]
    public async Task Memory_hog(JudgeLanguage language)
    {
        language.RequireToolchain();
        var limit = MemoryLimit(language);
        var reply = await Server.JudgeAsync(JudgeBodies.For(language, LanguagePrograms.MemoryHog(language), "aplusb1", CpuLimit(language), limit));

        // Java's heap is capped by -XX:MaxRAM at a quarter of the limit: the hog ends in OutOfMemoryError, a runtime
        // error, exactly as with the reference's judge. Everything else exceeds the limit.
        var expected = language == JudgeLanguage.Java ? RunResult.RuntimeError : RunResult.MemoryLimitExceeded;
        Assert.That(reply.Verdict, Is.EqualTo(expected), reply.ToString());
        if (expected == RunResult.MemoryLimitExceeded)
        {
            // Never far beyond the limit: RLIMIT_AS (2×) or the monitor's kill at 2× the limit.
            Assert.That(reply.Cases[0].GetProperty("memory").GetInt64(), Is.GreaterThan(limit).And.LessThan(3 * limit), reply.ToString());
        }
    }

    [Test]
    public async Task Java_below_the_footprint_of_the_jvm_is_a_memory_limit_exceeded()
    {
        JudgeLanguage.Java.RequireToolchain();
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.Java, LanguagePrograms.Accepted(JudgeLanguage.Java), "aplusb1", 2000, 16 * JudgeBodies.MiB));

        Assert.That(reply.Verdict, Is.EqualTo(RunResult.MemoryLimitExceeded), reply.ToString());
    }

    [TestCaseSource(nameof(Languages))]
    public async Task Crash_is_a_runtime_error(JudgeLanguage language)
    {
        language.RequireToolchain();
        var reply = await Server.JudgeAsync(JudgeBodies.For(language, LanguagePrograms.Crash(language), "aplusb1", CpuLimit(language), MemoryLimit(language)));

        Assert.That(reply.Verdict, Is.EqualTo(RunResult.RuntimeError), reply.ToString());
        var crashed = reply.Cases[0];
        Assert.That(crashed.GetProperty("exit_code").GetInt32() != 0 || crashed.GetProperty("signal").GetInt32() != 0, reply.ToString());
    }

    [Test]
    public async Task A_language_whose_compiler_is_missing_answers_a_compile_error_naming_it()
    {
        var config = JudgeLanguage.C.Config();
        config["compile"]!["compile_command"] = "/usr/bin/gcc-missing-99 {src_path} -o {exe_path}";
        var reply = await Server.JudgeAsync(JudgeBodies.For(config, LanguagePrograms.Accepted(JudgeLanguage.C)));

        Assert.That(reply.Error, Is.EqualTo("CompileError"));
        Assert.That(reply.Data.GetString(), Does.Contain("/usr/bin/gcc-missing-99").And.Contain("not installed"));
    }

    [Test]
    public async Task A_missing_interpreter_of_the_run_command_answers_a_compile_error_naming_it()
    {
        var config = JudgeLanguage.Python3.Config();
        config["run"]!["command"] = "/usr/bin/python3-missing -BS {exe_path}";
        config["compile"] = null;
        config["run"]!["exe_name"] = "solution.py";
        var reply = await Server.JudgeAsync(JudgeBodies.For(config, "print(3)\n"));

        Assert.That(reply.Error, Is.EqualTo("CompileError"));
        Assert.That(reply.Data.GetString(), Does.Contain("/usr/bin/python3-missing"));
    }

    [Test]
    public void The_message_for_a_missing_default_toolchain_names_its_debian_package()
    {
        Assert.That(ToolchainCheck.Describe("/usr/bin/go"), Does.Contain("golang-go"));
        Assert.That(ToolchainCheck.Describe("/usr/bin/javac"), Does.Contain("openjdk-17-jdk-headless"));
    }
}
