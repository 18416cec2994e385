using OnlineJudge.Tests.Builders;
using OnlineJudge.Tests.Infrastructure;

namespace OnlineJudge.Tests.Submissions;

/// <summary>
/// POST /api/format_code (submission.md §1.7) with the real tools: ruff (the code tools' Node.js process), clang-format,
/// sqlparse (python3-sqlparse). build.ps1 installs them; a missing one fails these tests with the tool's name.
/// </summary>
public class FormatCodeTests : IntegrationTest
{
    private async Task LoginAsync() => await Client.LoginAsync(await new UserBuilder().BuildAsync());

    private Task<ApiResponse> FormatAsync(string language, string code) =>
        Client.PostJsonAsync("/api/format_code", new { code, language }, csrf: false);

    [Test]
    public async Task Python_is_formatted_by_ruff()
    {
        await LoginAsync();
        var data = (await FormatAsync("python", "x=1\nif x :\n  print( 'a' )\n")).Ok();
        Assert.That(data.GetProperty("code").GetString(), Is.EqualTo("x = 1\nif x:\n    print(\"a\")\n"),
            "ruff's formatter (tools/codetools, installed by build.ps1) is needed");
    }

    [Test]
    public async Task A_python_syntax_error_is_a_format_error_with_ruff_s_message()
    {
        await LoginAsync();
        (await FormatAsync("python", "x = 1\ndef (:\n")).AssertError("format-error", "error: Failed to parse code.py:2:5: Expected an identifier");
    }

    [TestCase("c", "int main(){int a=1;if(a){return 0;}}", "int main() {\n    int a = 1;\n    if (a) {\n        return 0;\n    }\n}")]
    [TestCase("cpp", "#include <iostream>\nint main(){std::cout<<1;}", "#include <iostream>\nint main() { std::cout << 1; }")]
    public async Task C_and_cpp_are_formatted_by_clang_format(string language, string code, string expected)
    {
        await LoginAsync();
        var data = (await FormatAsync(language, code)).Ok();
        Assert.That(data.GetProperty("code").GetString(), Is.EqualTo(expected), "clang-format is needed");
    }

    [Test]
    public async Task Sql_is_reindented_with_upper_case_keywords()
    {
        await LoginAsync();
        var data = (await FormatAsync("sql", "select a,b from t where x=1 and y=2")).Ok();
        Assert.That(data.GetProperty("code").GetString(), Is.EqualTo("SELECT a,\n       b\nFROM t\nWHERE x=1\n  AND y=2"),
            "python3-sqlparse is needed for /usr/bin/python3");
    }

    [Test]
    public async Task Formatting_needs_login_and_a_valid_body()
    {
        (await FormatAsync("c", "int x;")).AssertError("permission-denied", "Please login first");
        await LoginAsync();
        (await FormatAsync("java", "class A {}")).AssertError("invalid-language", "language: \"java\" is not a valid choice.");
        (await FormatAsync("c", "  ")).AssertError("invalid-code", "code: This field may not be blank.");
    }

    [Test]
    public async Task A_missing_tool_answers_format_failed()
    {
        await using var factory = new MissingToolsFactory();
        using var client = new ApiClient(factory);
        await client.LoginAsync(await new UserBuilder().BuildAsync());
        (await client.PostJsonAsync("/api/format_code", new { code = "int x;", language = "c" }, csrf: false)).AssertError("server-error", "format failed");
        (await client.PostJsonAsync("/api/format_code", new { code = "x=1", language = "python" }, csrf: false)).AssertError("server-error", "format failed");
    }

    private sealed class MissingToolsFactory() : OnlineJudgeWebFactory(TestEnvironment.DatabaseConnectionString, TestEnvironment.RedisConnectionString)
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("CodeTools:ClangFormatPath", "/nonexistent/clang-format");
            builder.UseSetting("CodeTools:NodePath", "/nonexistent/node");
            builder.UseSetting("Judge:DispatcherEnabled", "false");
        }
    }
}
