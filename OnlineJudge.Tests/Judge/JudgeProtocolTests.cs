using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OnlineJudge.Judge.Judging;

namespace OnlineJudge.Tests.Judge;

/// <summary>The HTTP side of the JudgeServer protocol (judge.md §3): token, paths, error classes, response bytes.</summary>
[Parallelizable(ParallelScope.All)]
public partial class JudgeProtocolTests
{
    private static JudgeServerHarness Server => JudgeTestEnvironment.Server;

    [Test]
    public async Task A_judge_reply_is_python_json_with_the_case_keys_in_upstream_order()
    {
        JudgeLanguage.C.RequireToolchain();
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.C, LanguagePrograms.Accepted(JudgeLanguage.C)));

        Assert.Multiple(() =>
        {
            Assert.That(reply.Status, Is.EqualTo(200));
            Assert.That(reply.MediaType, Is.EqualTo("application/json"));
            Assert.That(reply.Text, Does.Match(CaseShape()), reply.ToString());
            Assert.That(reply.Verdict, Is.EqualTo(RunResult.Success));
            Assert.That(reply.Cases.Select(c => c.GetProperty("test_case").GetString()), Is.EqualTo(new[] { "1", "2" }), "cases come in info order");
        });
    }

    [Test]
    public async Task A_wrong_token_is_refused_before_anything_else()
    {
        var reply = await Server.PostAsync("/judge", "{}", JudgeServerHarness.TokenHash("not-the-token"));

        Assert.That(reply.Text, Is.EqualTo("{\"err\": \"TokenVerificationFailed\", \"data\": \"invalid token\"}"));
    }

    [Test]
    public async Task A_missing_token_is_refused()
    {
        using var client = new HttpClient { BaseAddress = Server.Http.BaseAddress };
        using var response = await client.PostAsync("/ping", new StringContent("{}"));

        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("{\"err\": \"TokenVerificationFailed\", \"data\": \"invalid token\"}"));
    }

    [TestCase("/")]
    [TestCase("/judge/extra")]
    [TestCase("/api/judge")]
    public async Task An_unknown_path_is_an_invalid_request(string path)
    {
        var reply = await Server.PostAsync(path, "{}");

        Assert.That(reply.Status, Is.EqualTo(200));
        Assert.That(reply.Text, Is.EqualTo("{\"err\": \"InvalidRequest\", \"data\": \"404\"}"));
    }

    [Test]
    public async Task A_get_is_an_invalid_request()
    {
        using var response = await Server.Http.GetAsync("/judge");

        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("{\"err\": \"InvalidRequest\", \"data\": \"404\"}"));
    }

    [Test]
    public async Task Ping_answers_the_server_info_with_pong()
    {
        var reply = await Server.PostAsync("/ping", "{}");

        Assert.That(reply.Error, Is.Null);
        Assert.That(reply.Data.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "hostname", "cpu", "cpu_core", "memory", "judger_version", "action" }));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Data.GetProperty("action").GetString(), Is.EqualTo("pong"));
            Assert.That(reply.Data.GetProperty("cpu_core").GetInt32(), Is.EqualTo(Environment.ProcessorCount));
            Assert.That(reply.Data.GetProperty("memory").GetDouble(), Is.InRange(0, 100));
            Assert.That(reply.Data.GetProperty("cpu").GetDouble(), Is.InRange(0, 100));
            Assert.That(reply.Data.GetProperty("judger_version").GetString()!.Length, Is.InRange(1, 32));
        });
    }

    [Test]
    public async Task Compile_spj_says_special_judges_are_not_offered()
    {
        var reply = await Server.PostAsync("/compile_spj", "{\"spj_version\": \"1\", \"src\": \"\", \"spj_compile_config\": {}}");

        Assert.That(reply.Error, Is.EqualTo("SPJCompileError"));
        Assert.That(reply.Data.GetString(), Does.Contain("not supported"));
    }

    [Test]
    public async Task A_special_judge_request_is_refused()
    {
        var body = JudgeBodies.For(JudgeLanguage.C, "int main(){}");
        body["spj_version"] = "abc";
        body["spj_config"] = new JsonObject { ["exe_name"] = "spj-{spj_version}", ["command"] = "{exe_path}" };
        var reply = await Server.JudgeAsync(body);

        Assert.That(reply.Error, Is.EqualTo("JudgeClientError"));
        Assert.That(reply.Data.GetString(), Does.Contain("Special judge is not supported"));
    }

    [Test]
    public async Task An_unknown_test_case_is_not_found()
    {
        JudgeLanguage.C.RequireToolchain();
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.C, LanguagePrograms.Accepted(JudgeLanguage.C), "doesnotexist"));

        Assert.That(reply.Text, Is.EqualTo("{\"err\": \"JudgeClientError\", \"data\": \"Test case not found\"}"));
    }

    [Test]
    public async Task A_test_case_id_that_leaves_the_folder_is_not_found()
    {
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.C, "int main(){}", "../aplusb"));

        Assert.That(reply.Text, Is.EqualTo("{\"err\": \"JudgeClientError\", \"data\": \"Test case not found\"}"));
    }

    [Test]
    public async Task A_broken_info_file_is_a_bad_test_case_config()
    {
        JudgeLanguage.C.RequireToolchain();
        var folder = Path.Combine(Server.TestCaseDir, "broken");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "info"), "{not json");
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.C, LanguagePrograms.Accepted(JudgeLanguage.C), "broken"));

        Assert.That(reply.Text, Is.EqualTo("{\"err\": \"JudgeClientError\", \"data\": \"Bad test case config\"}"));
    }

    [Test]
    public async Task Missing_arguments_are_named_like_python_does()
    {
        var reply = await Server.PostAsync("/judge", "{\"src\": \"x\"}");

        Assert.That(reply.Error, Is.EqualTo("JudgeClientError"));
        Assert.That(reply.Data.GetString(), Is.EqualTo("TypeError :judge() missing 3 required positional arguments: 'language_config', 'max_cpu_time', and 'max_memory'"));
    }

    [Test]
    public async Task A_body_that_is_not_json_is_missing_every_argument()
    {
        var reply = await Server.PostAsync("/judge", "this is not json");

        Assert.That(reply.Error, Is.EqualTo("JudgeClientError"));
        Assert.That(reply.Data.GetString(), Does.StartWith("TypeError :judge() missing 4 required positional arguments"));
    }

    [Test]
    public async Task Both_or_neither_test_case_source_is_an_invalid_parameter()
    {
        var body = JudgeBodies.For(JudgeLanguage.C, "int main(){}");
        body["test_case"] = new JsonArray(new JsonObject { ["input"] = "1 2", ["output"] = "3" });
        var both = await Server.JudgeAsync(body);
        body.Remove("test_case");
        body.Remove("test_case_id");
        var neither = await Server.JudgeAsync(body);

        Assert.That(both.Text, Is.EqualTo("{\"err\": \"JudgeClientError\", \"data\": \"invalid parameter\"}"));
        Assert.That(neither.Text, Is.EqualTo("{\"err\": \"JudgeClientError\", \"data\": \"invalid parameter\"}"));
    }

    [Test]
    public async Task Inline_test_cases_are_judged()
    {
        JudgeLanguage.C.RequireToolchain();
        var body = JudgeBodies.For(JudgeLanguage.C, LanguagePrograms.Accepted(JudgeLanguage.C));
        body.Remove("test_case_id");
        body["test_case"] = new JsonArray(new JsonObject { ["input"] = "1 2\n", ["output"] = "3\n" }, new JsonObject { ["input"] = "2 2\n", ["output"] = "5" });
        var reply = await Server.JudgeAsync(body);

        Assert.That(reply.Cases.Select(c => (c.GetProperty("test_case").GetString(), c.GetProperty("result").GetInt32())),
            Is.EqualTo(new[] { ("1", RunResult.Success), ("2", RunResult.WrongAnswer) }), reply.ToString());
    }

    [Test]
    public async Task File_io_reads_and_writes_files_in_the_work_folder()
    {
        JudgeLanguage.C.RequireToolchain();
        var src = "#include <stdio.h>\nint main(){int a,b;FILE*i=fopen(\"data.in\",\"r\");FILE*o=fopen(\"data.out\",\"w\");fscanf(i,\"%d %d\",&a,&b);fprintf(o,\"%d\\n\",a+b);return 0;}\n";
        var body = JudgeBodies.For(JudgeLanguage.C, src);
        body["io_mode"] = new JsonObject { ["io_mode"] = "File IO", ["input"] = "data.in", ["output"] = "data.out" };
        var reply = await Server.JudgeAsync(body);

        Assert.That(reply.Verdict, Is.EqualTo(RunResult.Success), reply.ToString());
    }

    [Test]
    public async Task Output_is_returned_when_asked()
    {
        JudgeLanguage.Python3.RequireToolchain();
        var reply = await Server.JudgeAsync(JudgeBodies.For(JudgeLanguage.Python3, "print('héllo', input())\n", output: true));

        Assert.That(reply.Cases.Select(c => c.GetProperty("output").GetString()), Is.EquivalentTo(new[] { "héllo 1 2\n", "héllo 10 20\n" }));
        Assert.That(reply.Text, Does.Contain("h\\u00e9llo"), "non-ASCII is escaped as in Python's json.dumps");
    }

    [Test]
    public async Task Without_a_compile_step_the_source_is_the_program()
    {
        JudgeLanguage.Python3.RequireToolchain();
        var config = JudgeLanguage.Python3.Config();
        config.Remove("compile");
        config["run"]!["exe_name"] = "solution.py";
        var reply = await Server.JudgeAsync(JudgeBodies.For(config, LanguagePrograms.Accepted(JudgeLanguage.Python3)));

        Assert.That(reply.Verdict, Is.EqualTo(RunResult.Success), reply.ToString());
    }

    [Test]
    public async Task A_compiler_that_fails_silently_reports_the_raw_result()
    {
        JudgeLanguage.C.RequireToolchain();
        var config = JudgeLanguage.C.Config();
        config["compile"]!["compile_command"] = "/bin/false {src_path}";
        var reply = await Server.JudgeAsync(JudgeBodies.For(config, "int main(){}"));

        Assert.That(reply.Error, Is.EqualTo("CompileError"));
        Assert.That(reply.Data.GetString(), Does.Match("^Compiler runtime error, info: \\{\"cpu_time\": \\d+, \"real_time\": \\d+, \"memory\": \\d+, \"signal\": 0, \"exit_code\": 1, \"error\": 0, \"result\": 4\\}$"));
    }

    [GeneratedRegex("^\\{\"err\": null, \"data\": \\[\\{\"cpu_time\": \\d+, \"real_time\": \\d+, \"memory\": \\d+, \"signal\": 0, \"exit_code\": 0, \"error\": 0, \"result\": 0, \"test_case\": \"1\", \"output_md5\": \"[0-9a-f]{32}\", \"output\": null\\}, \\{")]
    private static partial Regex CaseShape();
}
