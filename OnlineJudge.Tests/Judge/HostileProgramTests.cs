using System.Diagnostics;
using System.Globalization;
using System.Text;
using OnlineJudge.Judge.Judging;
using OnlineJudge.Judge.Sandbox;

namespace OnlineJudge.Tests.Judge;

/// <summary>
/// Programs that attack the judge (issue 10's list): each gets the right verdict, leaves nothing behind on the host, and
/// the next submission is judged normally. Most print "safe" only when every attempt failed, so Accepted means contained.
/// </summary>
[NonParallelizable]
public class HostileProgramTests
{
    private static JudgeServerHarness Server => JudgeTestEnvironment.Server;

    [SetUp]
    public void RequireCompilers()
    {
        JudgeLanguage.C.RequireToolchain();
        Server.CreateTestCase("safe", ("1 2\n", "safe\n"));
    }

    [TearDown]
    public async Task NextSubmissionIsJudgedNormally()
    {
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.C, LanguagePrograms.Accepted(JudgeLanguage.C)));
        Assert.That(reply.Verdict, Is.EqualTo(RunResult.Success), "the judge is unhealthy after the hostile program: " + reply);
        Assert.That(SandboxProcessesLeft(), Is.Empty, "sandboxed processes outlived their run");
        var host = (SandboxHost)Server.Services.GetService(typeof(SandboxHost))!;
        Assert.That(Directory.GetDirectories(host.InstanceDir).Select(Path.GetFileName), Is.EqualTo(new[] { "etc" }),
            "every submission's work folder (sources, binaries, outputs) is removed");
    }

    [Test]
    public async Task Fork_bomb_is_stopped_by_the_process_limit_and_the_time_limit()
    {
        var src = "#include <unistd.h>\nint main(){for(;;)fork();}\n";
        var watch = Stopwatch.StartNew();
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.C, src, "aplusb1", 500, 64 * JudgeBodies.MiB));

        Assert.That(reply.Verdict, Is.AnyOf(RunResult.CpuTimeLimitExceeded, RunResult.RealTimeLimitExceeded), reply.ToString());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task Infinite_loop_is_a_cpu_time_limit_exceeded()
    {
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.C, LanguagePrograms.BusyLoop(JudgeLanguage.C), "aplusb1", 500));

        Assert.That(reply.Verdict, Is.AnyOf(RunResult.CpuTimeLimitExceeded, RunResult.RealTimeLimitExceeded), reply.ToString());
        Assert.That(reply.Cases[0].GetProperty("cpu_time").GetInt32(), Is.GreaterThan(300), reply.ToString());
    }

    [Test]
    public async Task Sleeping_forever_is_killed_at_three_times_the_cpu_limit()
    {
        var src = "#include <unistd.h>\nint main(){for(;;)pause();}\n";
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.C, src, "aplusb1", 500));

        Assert.That(reply.Verdict, Is.EqualTo(RunResult.RealTimeLimitExceeded), reply.ToString());
        Assert.That(reply.Cases[0].GetProperty("real_time").GetInt32(), Is.InRange(1500, 2500), reply.ToString());
    }

    [Test]
    public async Task Allocating_4_gb_in_c_fails_under_the_address_space_limit()
    {
        var src = "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\nint main(){size_t n=4UL<<30;char*p=malloc(n);if(!p)return 3;memset(p,1,n);printf(\"%d\\n\",p[n-1]);return 0;}\n";
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.C, src, "aplusb1", 2000, 64 * JudgeBodies.MiB));

        // RLIMIT_AS (2 × 64 MiB) refuses the allocation: the program ends with its own error code, as with the reference.
        Assert.That(reply.Verdict, Is.EqualTo(RunResult.RuntimeError), reply.ToString());
        Assert.That(reply.Cases[0].GetProperty("memory").GetInt64(), Is.LessThan(64 * JudgeBodies.MiB), reply.ToString());
    }

    [Test]
    public async Task Allocating_4_gb_in_go_is_killed_by_the_memory_monitor()
    {
        JudgeLanguage.Golang.RequireToolchain();
        var src = "package main\nimport \"fmt\"\nfunc main(){ b := make([]byte, 4<<30); for i := 0; i < len(b); i += 4096 { b[i] = 1 }; fmt.Println(b[12345]) }\n";
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.Golang, src, "aplusb1", 3000, 64 * JudgeBodies.MiB));

        // Go runs without RLIMIT_AS (memory_limit_check_only): the monitor kills the tree past twice the limit.
        Assert.That(reply.Verdict, Is.EqualTo(RunResult.MemoryLimitExceeded), reply.ToString());
        Assert.That(reply.Cases[0].GetProperty("memory").GetInt64(), Is.LessThan(512 * JudgeBodies.MiB), reply.ToString());
    }

    [Test]
    public async Task One_gigabyte_of_output_is_cut_at_the_output_limit()
    {
        var src = "#include <stdio.h>\n#include <string.h>\nint main(){static char b[1<<20];memset(b,'x',sizeof b);for(int i=0;i<1024;i++)fwrite(b,1,sizeof b,stdout);return 0;}\n";
        var watch = Stopwatch.StartNew();
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.C, src, "aplusb1", 2000));

        // RLIMIT_FSIZE = max(2 × expected, 16 MiB): the kernel stops the program with SIGXFSZ, a runtime error as upstream.
        Assert.That(reply.Verdict, Is.EqualTo(RunResult.RuntimeError), reply.ToString());
        Assert.That(reply.Cases[0].GetProperty("signal").GetInt32(), Is.EqualTo(25), reply.ToString());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task Writing_outside_the_work_folder_fails()
    {
        var marker = "oj-hostile-" + Guid.NewGuid().ToString("N");
        var targets = new[] { "/" + marker, "/usr/" + marker, "/etc/" + marker, "/judger/" + marker, Path.Combine(Server.TestCaseDir, marker) };
        var attempts = string.Join("", targets.Select(t => $"if(tryw(\"{t}\"))bad++;"));
        // The work folder and /tmp are writable (and private): a program may keep files there.
        var src = "#include <stdio.h>\nint tryw(const char*p){FILE*f=fopen(p,\"w\");if(!f)return 0;fputs(\"x\",f);fclose(f);return 1;}\n"
            + "int main(){int bad=0;" + attempts + "if(!tryw(\"in-work-folder\")||!tryw(\"/tmp/in-tmp\"))bad++;puts(bad?\"unsafe\":\"safe\");return 0;}\n";
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.C, src, "safe", 1000, 64 * JudgeBodies.MiB, output: true));

        Assert.That(reply.Verdict, Is.EqualTo(RunResult.Success), reply.ToString());
        Assert.That(targets.Where(File.Exists), Is.Empty);
    }

    [Test]
    public async Task The_compiled_program_cannot_be_overwritten_by_itself()
    {
        var src = "#include <stdio.h>\nint main(int c,char**v){FILE*f=fopen(v[0],\"w\");puts(f?\"unsafe\":\"safe\");return 0;}\n";
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.C, src, "safe", 1000, 64 * JudgeBodies.MiB, output: true));

        Assert.That(reply.Verdict, Is.EqualTo(RunResult.Success), reply.ToString());
    }

    [Test]
    public async Task Reading_shadow_and_the_test_case_folder_fails()
    {
        var secret = Path.Combine(Server.TestCaseDir, "aplusb", "1.out");
        var paths = new[] { "/etc/shadow", secret, Path.Combine(Server.TestCaseDir, "aplusb", "info"), "/proc/1/root/etc/shadow", "/root/.bashrc" };
        var attempts = string.Join("", paths.Select(p => $"if(fopen(\"{p}\",\"r\"))bad++;"));
        var src = "#include <stdio.h>\nint main(){int bad=0;" + attempts + "puts(bad?\"unsafe\":\"safe\");return 0;}\n";
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.C, src, "safe", 1000, 64 * JudgeBodies.MiB, output: true));

        Assert.That(File.Exists("/etc/shadow"), "the host has /etc/shadow, so the test means something");
        Assert.That(reply.Verdict, Is.EqualTo(RunResult.Success), reply.ToString());
    }

    [Test]
    public async Task Network_connections_fail()
    {
        var src = "#include <stdio.h>\n#include <string.h>\n#include <unistd.h>\n#include <arpa/inet.h>\n#include <sys/socket.h>\n"
            + "int try(const char*ip,int port){int s=socket(AF_INET,SOCK_STREAM,0);if(s<0)return 0;struct sockaddr_in a;memset(&a,0,sizeof a);a.sin_family=AF_INET;a.sin_port=htons(port);inet_pton(AF_INET,ip,&a.sin_addr);int r=connect(s,(struct sockaddr*)&a,sizeof a);close(s);return r==0;}\n"
            + $"int main(){{int bad=try(\"127.0.0.1\",{Server.Port})+try(\"1.1.1.1\",80)+try(\"8.8.8.8\",53);puts(bad?\"unsafe\":\"safe\");return 0;}}\n";
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.C, src, "safe", 1000, 64 * JudgeBodies.MiB, output: true));

        Assert.That(reply.Verdict, Is.EqualTo(RunResult.Success), reply.ToString());
    }

    [Test]
    public async Task Killing_the_parent_and_every_process_leaves_the_judge_running()
    {
        var src = "#include <stdio.h>\n#include <signal.h>\n#include <unistd.h>\n"
            + "int main(){kill(getppid(),SIGKILL);kill(1,SIGKILL);kill(-1,SIGTERM);int a,b;scanf(\"%d %d\",&a,&b);printf(\"%d\\n\",a+b);return 0;}\n";
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.C, src, "aplusb", 1000, 64 * JudgeBodies.MiB));

        Assert.That(reply.Verdict, Is.EqualTo(RunResult.Success), reply.ToString());
    }

    [Test]
    public async Task A_background_process_dies_with_main()
    {
        var marker = Guid.NewGuid().ToString("N");
        var src = "#include <stdio.h>\n#include <unistd.h>\n"
            + $"int main(){{if(fork()==0){{setsid();for(;;)sleep(1);}}int a,b;scanf(\"%d %d\",&a,&b);printf(\"%d\\n\",a+b);/*{marker}*/return 0;}}\n";
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.C, src, "aplusb", 1000, 64 * JudgeBodies.MiB));

        Assert.That(reply.Verdict, Is.EqualTo(RunResult.Success), reply.ToString());
        Assert.That(reply.Cases.Max(c => c.GetProperty("real_time").GetInt32()), Is.LessThan(1000), reply.ToString());
    }

    [Test]
    public async Task Including_dev_random_is_a_compile_error_within_the_compile_limits()
    {
        var config = JudgeLanguage.C.WithCompileLimits(1000, 3000);
        var watch = Stopwatch.StartNew();
        var reply = await Server.JudgeAsync(JudgeBodies.For(config, "#include \"/dev/random\"\nint main(){return 0;}\n"));

        Assert.That(reply.Error, Is.EqualTo("CompileError"), reply.ToString());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(8)));
    }

    [Test]
    public async Task A_template_explosion_is_a_compile_error_within_the_compile_limits()
    {
        JudgeLanguage.Cpp.RequireToolchain();
        var config = JudgeLanguage.Cpp.WithCompileLimits(2000, 4000, 256 * JudgeBodies.MiB);
        var src = "template<class T,int N> struct B { typedef B<B<T,N-1>,N-1> L; typedef B<B<T*,N-1>,N-1> R; static const long v = L::v + R::v; };\n"
            + "template<class T> struct B<T,0> { static const long v = 1; };\nint main(){ return (int)B<int,40>::v; }\n";
        var watch = Stopwatch.StartNew();
        var reply = await Server.JudgeAsync(JudgeBodies.For(config, src));

        Assert.That(reply.Error, Is.EqualTo("CompileError"), reply.ToString());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task A_source_of_one_mebibyte_is_judged()
    {
        var builder = new StringBuilder(LanguagePrograms.Accepted(JudgeLanguage.C));
        builder.Append("/*");
        while (builder.Length < 1024 * 1024)
        {
            builder.Append("padding padding padding padding padding padding padding padding padding padding\n");
        }

        builder.Append("*/\n");
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.C, builder.ToString()));

        Assert.That(reply.Verdict, Is.EqualTo(RunResult.Success), reply.ToString());
    }

    [Test]
    public async Task Output_that_is_not_utf8_is_compared_as_bytes_and_shown_escaped()
    {
        Server.CreateTestCase("binary", [([], [0xff, 0xfe, 0x80, (byte)'o', (byte)'k', (byte)'\n'])]);
        var src = "#include <stdio.h>\nint main(){fputs(\"\\xff\\xfe\\x80ok\\n\",stdout);return 0;}\n";
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.C, src, "binary", 1000, 64 * JudgeBodies.MiB, output: true));

        Assert.That(reply.Verdict, Is.EqualTo(RunResult.Success), reply.ToString());
        Assert.That(reply.Text.All(c => c < 128), "the body is ASCII (non-ASCII escaped as in Python's json.dumps)");
        Assert.That(reply.Cases[0].GetProperty("output").GetString(), Is.EqualTo("\\xff\\xfe\\x80ok\n"));
    }

    /// <summary>Processes on the host whose command line is a submission's program (every one lives under /judger/run).</summary>
    private static List<string> SandboxProcessesLeft()
    {
        var left = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
                if (commandLine.StartsWith("/judger/run/", StringComparison.Ordinal) && !File.ReadAllText(Path.Combine(folder, "stat")).Contains(") Z ", StringComparison.Ordinal))
                {
                    left.Add(commandLine);
                }
            }
            catch (IOException)
            {
                // the process ended meanwhile
            }
        }

        return left;
    }
}
