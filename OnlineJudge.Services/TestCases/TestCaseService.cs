using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Storage;
using static OnlineJudge.Services.TestCases.TestCaseFiles;

namespace OnlineJudge.Services.TestCases;

/// <summary>
/// Test-case directories under <see cref="StorageOptions.TestCaseRoot"/> (data-model.md §5): the <c>info</c> file, the
/// download zip, SQL scripts, orphan pruning (uploads: <see cref="TestCaseUploadService"/>). File I/O is asynchronous.
/// </summary>
public partial class TestCaseService(IOptions<StorageOptions> storage, ILogger<TestCaseService> logger)
{
    public string Root => storage.Value.TestCaseRoot;

    [GeneratedRegex("^[a-zA-Z0-9]+$")]
    private static partial Regex SafeIdRegex();

    [GeneratedRegex("^[a-zA-Z0-9]{32}$")]
    private static partial Regex GeneratedIdRegex();

    /// <summary>True when <paramref name="testCaseId"/> can name a directory (letters and digits only).</summary>
    public static bool IsSafeId(string? testCaseId) => !string.IsNullOrEmpty(testCaseId) && SafeIdRegex().IsMatch(testCaseId);

    internal string DirectoryOf(string testCaseId) => Path.Combine(Root, testCaseId);

    internal void TryDeleteDirectory(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException exception)
        {
            logger.LogWarning(exception, "Could not remove the test-case directory {Directory}", directory);
        }
        catch (UnauthorizedAccessException exception)
        {
            logger.LogWarning(exception, "Could not remove the test-case directory {Directory}", directory);
        }
    }

    // ---- info, download, SQL scripts ------------------------------------------------------------------------

    /// <summary>The parsed <c>info</c> file; null when it is missing or not readable as JSON.</summary>
    public async Task<TestCaseInfo?> ReadInfoAsync(string testCaseId, CancellationToken cancellationToken)
    {
        if (!IsSafeId(testCaseId))
        {
            return null;
        }

        var path = Path.Combine(DirectoryOf(testCaseId), "info");
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            await using var file = OpenRead(path);
            using var document = await JsonDocument.ParseAsync(file, cancellationToken: cancellationToken);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var sql = root.TryGetProperty("sql", out var sqlFlag) && sqlFlag.ValueKind == JsonValueKind.True;
            var cases = new List<TestCaseInfoEntry>();
            if (root.TryGetProperty("test_cases", out var testCases) && testCases.ValueKind == JsonValueKind.Object)
            {
                var ordered = testCases.EnumerateObject()
                    .Select(p => (Number: int.TryParse(p.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue, p.Value))
                    .OrderBy(p => p.Number);
                foreach (var (_, value) in ordered)
                {
                    if (value.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    cases.Add(new TestCaseInfoEntry(
                        StringOf(value, "input_name"), LongOf(value, "input_size"), StringOf(value, "output_name"),
                        LongOf(value, "output_size"), StringOf(value, "stripped_output_md5")));
                }
            }

            return new TestCaseInfo(sql, cases);
        }
        catch (Exception exception) when (exception is JsonException or IOException)
        {
            logger.LogWarning(exception, "The info file of test case {TestCaseId} is unreadable", testCaseId);
            return null;
        }
    }

    private static string StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static long LongOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt64(out var number) ? number : 0;

    public bool DirectoryExists(string testCaseId) => IsSafeId(testCaseId) && Directory.Exists(DirectoryOf(testCaseId));

    /// <summary>
    /// The download zip (problem.md §2.12) in a temporary file deleted when the stream is closed: consecutive test files from
    /// 1 in natural order, then <c>info</c>. Null when the directory does not exist.
    /// </summary>
    public async Task<Stream?> BuildZipAsync(string testCaseId, CancellationToken cancellationToken)
    {
        if (!DirectoryExists(testCaseId))
        {
            return null;
        }

        var directory = DirectoryOf(testCaseId);
        var info = await ReadInfoAsync(testCaseId, cancellationToken);
        var sql = info?.Sql == true;
        var names = await Task.Run(() => ZipEntryNames(directory, sql), cancellationToken);
        var temp = new FileStream(Path.Combine(Path.GetTempPath(), "oj-testcase-" + RandomStrings.LowerHex(16) + ".zip"),
            System.IO.FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            await using (var archive = await ZipArchive.CreateAsync(temp, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
            {
                foreach (var name in names)
                {
                    var entry = archive.CreateEntry(name, CompressionLevel.Fastest);
                    await using var target = await entry.OpenAsync(cancellationToken);
                    await using var source = OpenRead(Path.Combine(directory, name));
                    await source.CopyToAsync(target, cancellationToken);
                }
            }

            temp.Position = 0;
            return temp;
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }
    }

    /// <summary>The files of the download zip: consecutive test files from 1, then <c>info</c> (file-system probes only).</summary>
    private static List<string> ZipEntryNames(string directory, bool sql)
    {
        var names = new List<string>();
        for (var n = 1; ; n++)
        {
            var number = n.ToString(CultureInfo.InvariantCulture);
            if (sql)
            {
                if (!File.Exists(Path.Combine(directory, number + ".sql")))
                {
                    break;
                }

                names.Add(number + ".sql");
            }
            else
            {
                if (!File.Exists(Path.Combine(directory, number + ".in")) || !File.Exists(Path.Combine(directory, number + ".out")))
                {
                    break;
                }

                names.Add(number + ".in");
                names.Add(number + ".out");
            }
        }

        if (File.Exists(Path.Combine(directory, "info")))
        {
            names.Add("info");
        }

        return names;
    }

    /// <summary>The SQL scripts of a test-case set (problem.md §2.15), or the error to answer.</summary>
    public async Task<ServiceResult<List<SqlScriptDto>>> ReadSqlScriptsAsync(string testCaseId, CancellationToken cancellationToken)
    {
        var info = await ReadInfoAsync(testCaseId, cancellationToken);
        if (info is null)
        {
            return ServiceError.Of("测试点信息读取失败");
        }

        if (!info.Sql)
        {
            return ServiceError.Of("该题的测试点不是 SQL 类型");
        }

        var scripts = new List<SqlScriptDto>();
        foreach (var entry in info.Cases)
        {
            var content = await ReadScriptAsync(testCaseId, entry.InputName, cancellationToken);
            if (content is null)
            {
                return ServiceError.Of($"测试点脚本 {entry.InputName} 读取失败");
            }

            scripts.Add(new SqlScriptDto(entry.InputName, content));
        }

        return scripts;
    }

    /// <summary>One script of a test-case set; null when the name is unsafe or the file unreadable.</summary>
    public async Task<string?> ReadScriptAsync(string testCaseId, string name, CancellationToken cancellationToken)
    {
        if (!IsSafeId(testCaseId) || name.Length == 0 || name != Path.GetFileName(name) || name is "." or "..")
        {
            return null;
        }

        try
        {
            await using var file = OpenRead(Path.Combine(DirectoryOf(testCaseId), name));
            using var reader = new StreamReader(file, Encoding.UTF8);
            return await reader.ReadToEndAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(exception, "Script {Name} of test case {TestCaseId} is unreadable", name, testCaseId);
            return null;
        }
    }

    // ---- pruning ---------------------------------------------------------------------------------------------

    /// <summary>Directories named like generated ids that no problem uses (conf.md §9).</summary>
    public List<OrphanTestCaseDto> ListOrphans(IReadOnlySet<string> usedIds)
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        var orphans = new List<OrphanTestCaseDto>();
        foreach (var directory in new DirectoryInfo(Root).EnumerateDirectories())
        {
            if (GeneratedIdRegex().IsMatch(directory.Name) && !usedIds.Contains(directory.Name))
            {
                var mtime = new DateTimeOffset(directory.LastWriteTimeUtc).ToUnixTimeMilliseconds() / 1000.0;
                orphans.Add(new OrphanTestCaseDto(directory.Name, mtime));
            }
        }

        return orphans;
    }

    /// <summary>Deletes one test-case directory; ids that could escape the root are ignored.</summary>
    public void Delete(string testCaseId)
    {
        if (IsSafeId(testCaseId))
        {
            TryDeleteDirectory(DirectoryOf(testCaseId));
        }
    }
}
