using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnlineJudge.Services.CodeTools;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Submissions;

public sealed record FormattedCodeDto(string Code);

/// <summary>
/// <c>POST /api/format_code</c> (submission.md §1.7): Python with ruff's formatter, C/C++ with clang-format, SQL with
/// sqlparse. A syntax error in Python is <c>format-error</c> with ruff's message; a missing tool, a timeout or a
/// clang-format failure is <c>server-error</c> / <c>format failed</c>, logged.
/// </summary>
public class CodeFormatService(CodeToolsProcess codeTools, IOptions<CodeToolsOptions> options, ILogger<CodeFormatService> logger)
{
    public const string ClangFormatStyle = "{BasedOnStyle: LLVM, IndentWidth: 4, BreakBeforeBraces: Attach}";

    private const string SqlFormatScript =
        "import sys, sqlparse; sys.stdout.write(sqlparse.format(sys.stdin.read(), reindent=True, keyword_case='upper'))";

    private static readonly ServiceError FormatFailed = new("server-error", "format failed");

    public async Task<ServiceResult<FormattedCodeDto>> FormatAsync(FormatCodeRequest request, CancellationToken cancellationToken) =>
        request.Language switch
        {
            "python" => await FormatPythonAsync(request.Code, cancellationToken),
            "sql" => await RunToolAsync(options.Value.PythonPath, ["-c", SqlFormatScript], request.Code, cancellationToken),
            _ => await RunToolAsync(options.Value.ClangFormatPath,
                ["--assume-filename=" + (request.Language == "c" ? "code.c" : "code.cpp"), "--style=" + ClangFormatStyle], request.Code,
                cancellationToken),
        };

    private async Task<ServiceResult<FormattedCodeDto>> FormatPythonAsync(string code, CancellationToken cancellationToken)
    {
        var answer = await codeTools.RequestAsync(new { op = "format_python", code }, cancellationToken);
        if (answer is not { } reply)
        {
            logger.LogWarning("Python formatting unavailable (code tools); answering format failed");
            return FormatFailed;
        }

        if (reply.GetProperty("ok").GetBoolean())
        {
            return new FormattedCodeDto(reply.GetProperty("code").GetString() ?? "");
        }

        return new ServiceError("format-error", reply.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
            ? error.GetString()
            : "format error");
    }

    private async Task<ServiceResult<FormattedCodeDto>> RunToolAsync(string tool, string[] arguments, string code, CancellationToken cancellationToken)
    {
        var outcome = await ProcessRunner.RunAsync(tool, arguments, code, TimeSpan.FromSeconds(options.Value.TimeoutSeconds), cancellationToken);
        if (outcome is null)
        {
            logger.LogWarning("Formatter {Tool} is not installed; answering format failed", tool);
            return FormatFailed;
        }

        if (outcome.TimedOut || outcome.ExitCode != 0)
        {
            logger.LogWarning("Formatter {Tool} failed (exit {ExitCode}, timed out {TimedOut}): {Stderr}", tool, outcome.ExitCode, outcome.TimedOut,
                outcome.Stderr);
            return FormatFailed;
        }

        return new FormattedCodeDto(outcome.Stdout);
    }
}
