using OnlineJudge.Judge.Judging;
using OnlineJudge.Judge.Protocol;

namespace OnlineJudge.Tests.Judge;

public class CommandTemplateTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["src_path"] = "/judger/run/abc/main.c",
        ["exe_dir"] = "/judger/run/abc",
        ["exe_path"] = "/judger/run/abc/main",
        ["max_memory"] = "262144",
    };

    [Test]
    public void The_default_c_compile_command_is_filled_and_split()
    {
        var command = CommandTemplate.Build("/usr/bin/gcc -DONLINE_JUDGE -O2 -w -fmax-errors=3 -std=c17 {src_path} -lm -o {exe_path}", Values);

        Assert.That(command, Is.EqualTo(new[]
        {
            "/usr/bin/gcc", "-DONLINE_JUDGE", "-O2", "-w", "-fmax-errors=3", "-std=c17", "/judger/run/abc/main.c", "-lm", "-o", "/judger/run/abc/main",
        }));
    }

    [Test]
    public void The_java_run_command_gets_the_memory_in_kilobytes()
    {
        var command = CommandTemplate.Build("/usr/bin/java -cp {exe_dir} -XX:MaxRAM={max_memory}k Main", Values);

        Assert.That(command, Is.EqualTo(new[] { "/usr/bin/java", "-cp", "/judger/run/abc", "-XX:MaxRAM=262144k", "Main" }));
    }

    [Test]
    public void Quotes_and_escapes_follow_shlex()
    {
        Assert.That(CommandTemplate.Split("a 'b c' \"d \\\" e\" f\\ g  h"), Is.EqualTo(new[] { "a", "b c", "d \" e", "f g", "h" }));
        Assert.That(CommandTemplate.Split("x''y \"\""), Is.EqualTo(new[] { "xy", "" }));
    }

    [Test]
    public void Double_braces_are_literal_braces()
    {
        Assert.That(CommandTemplate.Format("echo {{x}} {exe_path}", Values), Is.EqualTo("echo {x} /judger/run/abc/main"));
    }

    [Test]
    public void An_unknown_placeholder_is_a_key_error()
    {
        var error = Assert.Throws<JudgeClientErrorException>(() => CommandTemplate.Build("{compiler} {src_path}", Values));
        Assert.That(error!.Message, Is.EqualTo("KeyError :'compiler'"));
    }

    [Test]
    public void An_unclosed_quote_is_an_error()
    {
        var error = Assert.Throws<JudgeClientErrorException>(() => CommandTemplate.Split("gcc 'main.c"));
        Assert.That(error!.Message, Is.EqualTo("ValueError :No closing quotation"));
    }

    [Test]
    public void An_empty_command_is_an_error()
    {
        Assert.Throws<JudgeClientErrorException>(() => CommandTemplate.Build("   ", Values));
    }
}
