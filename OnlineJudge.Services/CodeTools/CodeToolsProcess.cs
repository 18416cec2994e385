using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OnlineJudge.Services.CodeTools;

/// <summary>
/// The long-running Node.js process of <c>tools/codetools/codetools.mjs</c> (ruff formatting, tree-sitter parsing):
/// started on first use, one JSON line per request and per answer, one request at a time. A request that takes longer
/// than the timeout kills the process; the next request starts a fresh one. Missing Node.js or packages make every
/// request answer null (the callers then answer their documented error), with a warning in the log.
/// </summary>
public sealed class CodeToolsProcess(IOptions<CodeToolsOptions> options, ILogger<CodeToolsProcess> logger) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly SemaphoreSlim gate = new(1, 1);
    private Process? process;
    private long nextId;

    /// <summary>Sends one request (an object with <c>op</c>); returns the answer, or null when the tool is unavailable or too slow.</summary>
    public async Task<JsonElement?> RequestAsync(object request, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var worker = process is { HasExited: false } ? process : Start();
            if (worker is null)
            {
                return null;
            }

            var id = ++nextId;
            var line = JsonSerializer.Serialize(new Dictionary<string, object?> { ["id"] = id, ["request"] = request }, Json);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
            try
            {
                await worker.StandardInput.WriteLineAsync(line.AsMemory(), limit.Token);
                await worker.StandardInput.FlushAsync(limit.Token);
                while (true)
                {
                    var answer = await worker.StandardOutput.ReadLineAsync(limit.Token);
                    if (answer is null)
                    {
                        logger.LogWarning("The code tools process exited unexpectedly");
                        Stop();
                        return null;
                    }

                    using var document = JsonDocument.Parse(answer);
                    if (document.RootElement.TryGetProperty("id", out var answerId) && answerId.ValueKind == JsonValueKind.Number
                        && answerId.GetInt64() == id)
                    {
                        return document.RootElement.Clone();
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("A code tools request took more than {Seconds} s; restarting the tool process", options.Value.TimeoutSeconds);
                Stop();
                return null;
            }
            catch (Exception exception) when (exception is IOException or JsonException)
            {
                logger.LogWarning(exception, "The code tools process failed; restarting it");
                Stop();
                return null;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private Process? Start()
    {
        Stop();
        var directory = options.Value.ResolveDirectory();
        var script = Path.Combine(directory, "codetools.mjs");
        if (!File.Exists(script) || !Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            logger.LogWarning("Code tools are not installed in {Directory} (run `npm ci` there; build.ps1 does it)", directory);
            return null;
        }

        var start = new ProcessStartInfo(options.Value.NodePath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(script);
        try
        {
            var started = Process.Start(start);
            if (started is null)
            {
                return null;
            }

            started.ErrorDataReceived += (_, e) =>
            {
                if (!string.IsNullOrEmpty(e.Data))
                {
                    logger.LogWarning("codetools: {Line}", e.Data);
                }
            };
            started.BeginErrorReadLine();
            process = started;
            logger.LogInformation("Started the code tools process (pid {Pid})", started.Id);
            return started;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            logger.LogWarning(exception, "Node.js ({NodePath}) is not available: code formatting and AST rules are off", options.Value.NodePath);
            return null;
        }
    }

    private void Stop()
    {
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        process = null;
    }

    public void Dispose()
    {
        Stop();
        gate.Dispose();
    }
}
