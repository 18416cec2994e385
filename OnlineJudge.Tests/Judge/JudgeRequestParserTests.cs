using System.Text.Json;
using OnlineJudge.Judge.Protocol;

namespace OnlineJudge.Tests.Judge;

public class JudgeRequestParserTests
{
    private static JudgeRequest Parse(object body) => JudgeRequestParser.Parse(JsonSerializer.SerializeToElement(body));

    [Test]
    public void The_backend_body_for_java_is_read_with_its_check_only_flag()
    {
        var body = JudgeBodies.For(JudgeLanguage.Java, "class Main {}", cpuMs: 2000, memory: 128 * JudgeBodies.MiB);
        var request = JudgeRequestParser.Parse(JsonSerializer.SerializeToElement(body));

        Assert.Multiple(() =>
        {
            Assert.That(request.Compile!.SrcName, Is.EqualTo("Main.java"));
            Assert.That(request.Compile.MaxMemory, Is.EqualTo(-1));
            Assert.That(request.Run.MemoryLimitCheckOnly, Is.True);
            Assert.That(request.MaxCpuTime, Is.EqualTo(2000));
            Assert.That(request.MaxMemory, Is.EqualTo(128 * JudgeBodies.MiB));
            Assert.That(request.TestCaseId, Is.EqualTo("aplusb"));
            Assert.That(request.IoMode.IsFileIo, Is.False);
        });
    }

    [Test]
    public void An_unknown_argument_is_a_type_error()
    {
        var body = JudgeBodies.For(JudgeLanguage.C, "x");
        body["priority"] = 1;
        var error = Assert.Throws<JudgeClientErrorException>(() => Parse(body));
        Assert.That(error!.Message, Is.EqualTo("TypeError :judge() got an unexpected keyword argument 'priority'"));
    }

    [Test]
    public void A_source_name_with_a_slash_is_refused()
    {
        var config = JudgeLanguage.C.Config();
        config["compile"]!["src_name"] = "../main.c";
        Assert.Throws<JudgeClientErrorException>(() => Parse(JudgeBodies.For(config, "x")));
    }

    [Test]
    public void A_non_integer_limit_is_refused()
    {
        var body = JudgeBodies.For(JudgeLanguage.C, "x");
        body["max_cpu_time"] = "1000";
        var error = Assert.Throws<JudgeClientErrorException>(() => Parse(body));
        Assert.That(error!.Message, Is.EqualTo("ValueError :max_cpu_time must be a int"));
    }
}
