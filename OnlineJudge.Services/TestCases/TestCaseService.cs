using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Storage;

namespace OnlineJudge.Services.TestCases;

/// <summary>
/// Test-case directories under <see cref="StorageOptions.TestCaseRoot"/> (data-model.md §5): upload from a zip, download as
/// a zip, SQL scripts, orphan pruning. All file I/O is asynchronous; archive entries are only ever read under names we
/// choose (<c>N.in</c>, <c>N.out</c>, <c>N.sql</c> at the root), so entry paths never reach the file system.
/// </summary>
public partial class TestCaseService(IOptions<StorageOptions> storage, IConfiguration configuration, ILogger<TestCaseService> logger)
{
    private const int BufferSize = 81920;
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    private readonly TestCaseLimits limits = configuration.GetSection(TestCaseLimits.Section).Get<TestCaseLimits>() ?? new TestCaseLimits();

    public string Root => storage.Value.TestCaseRoot;

    [GeneratedRegex("^[a-zA-Z0-9]+$")]
    private static partial Regex SafeIdRegex();

    [GeneratedRegex("^[a-zA-Z0-9]{32}$")]
    private static partial Regex GeneratedIdRegex();

    /// <summary>True when <paramref name="testCaseId"/> can name a directory (letters and digits only).</summary>
    public static bool IsSafeId(string? testCaseId) => !string.IsNullOrEmpty(testCaseId) && SafeIdRegex().IsMatch(testCaseId);

    private string DirectoryOf(string testCaseId) => Path.Combine(Root, testCaseId);

    // ---- upload ----------------------------------------------------------------------------------------------

    public async Task<ServiceResult<TestCaseUploadResult>> UploadAsync(Stream zipStream, bool sql, CancellationToken cancellationToken)
    {
        ZipArchive archive;
        try
        {
            archive = await ZipArchive.CreateAsync(zipStream, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or ArgumentOutOfRangeException or EndOfStreamException)
        {
            // Not a zip (or a truncated one): the reader fails before any entry is read.
            return ServiceError.Of("Bad zip file");
        }

        await using (archive)
        {
            if (archive.Entries.Count > limits.MaxEntries)
            {
                return ServiceError.Of($"The zip file has more than {limits.MaxEntries} entries");
            }

            // Only regular files at the root count; the first entry of a name wins.
            var root = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
            foreach (var entry in archive.Entries)
            {
                if (entry.FullName == entry.Name && entry.Name.Length > 0 && !root.ContainsKey(entry.Name))
                {
                    root[entry.Name] = entry;
                }
            }

            var pairs = new List<(string Input, string? Output)>();
            for (var n = 1; pairs.Count < limits.MaxTestCases; n++)
            {
                var number = n.ToString(CultureInfo.InvariantCulture);
                if (sql)
                {
                    if (!root.ContainsKey(number + ".sql"))
                    {
                        break;
                    }

                    pairs.Add((number + ".sql", null));
                }
                else
                {
                    if (!root.ContainsKey(number + ".in") || !root.ContainsKey(number + ".out"))
                    {
                        break;
                    }

                    pairs.Add((number + ".in", number + ".out"));
                }
            }

            if (pairs.Count == 0)
            {
                return ServiceError.Of("Empty file");
            }

            if (sql && pairs.Count < 2)
            {
                return ServiceError.Of("SQL 题至少需要 2 个数据不同的测试点，防止硬编码期望结果");
            }

            var id = RandomStrings.LowerHex(32);
            var directory = DirectoryOf(id);
            CreateDirectory(directory);
            try
            {
                var total = new TotalCounter(limits.MaxTotalBytes);
                var cases = new List<TestCaseInfoEntry>();
                foreach (var (input, output) in pairs)
                {
                    var inputSize = await ExtractAsync(root[input], Path.Combine(directory, input), total, cancellationToken);
                    if (output is null)
                    {
                        cases.Add(new TestCaseInfoEntry(input, inputSize, input, 0, ""));
                        continue;
                    }

                    var outputPath = Path.Combine(directory, output);
                    var outputSize = await ExtractAsync(root[output], outputPath, total, cancellationToken);
                    cases.Add(new TestCaseInfoEntry(input, inputSize, output, outputSize, await StrippedMd5Async(outputPath, cancellationToken)));
                }

                await WriteInfoAsync(directory, sql, cases, cancellationToken);
                return new TestCaseUploadResult(id,
                    [.. cases.Select(c => new TestCaseUploadItem(c.InputName, c.OutputName, c.InputSize, c.OutputSize, c.StrippedOutputMd5))]);
            }
            catch (Exception exception)
            {
                TryDeleteDirectory(directory);
                if (exception is TestCaseTooLargeException tooLarge)
                {
                    return ServiceError.Of(tooLarge.Message);
                }

                if (exception is InvalidDataException)
                {
                    return ServiceError.Of("Bad zip file");
                }

                throw;
            }
        }
    }

    private sealed class TotalCounter(long max)
    {
        private long total;

        public void Add(long count, string name)
        {
            total += count;
            if (total > max)
            {
                throw new TestCaseTooLargeException($"The test cases are larger than {max} bytes uncompressed (at {name})");
            }
        }
    }

    private sealed class TestCaseTooLargeException(string message) : Exception(message);

    private static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, DirectoryMode);
        }
    }

    private static FileStream CreateFile(string path)
    {
        var options = new FileStreamOptions
        {
            Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None,
            Options = FileOptions.Asynchronous, BufferSize = BufferSize,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return new FileStream(path, options);
    }

    private static FileStream OpenRead(string path) =>
        new(path, System.IO.FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>Decompresses one entry with CRLF → LF, counting the bytes actually produced (headers are not trusted).</summary>
    private async Task<long> ExtractAsync(ZipArchiveEntry entry, string path, TotalCounter total, CancellationToken cancellationToken)
    {
        await using var input = await entry.OpenAsync(cancellationToken);
        await using var output = CreateFile(path);
        var buffer = new byte[BufferSize];
        var result = new byte[BufferSize + 1];
        long decompressed = 0;
        long written = 0;
        var pendingCr = false;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            decompressed += read;
            if (decompressed > limits.MaxFileBytes)
            {
                throw new TestCaseTooLargeException($"{entry.Name} is larger than {limits.MaxFileBytes} bytes uncompressed");
            }

            total.Add(read, entry.Name);
            var length = 0;
            for (var i = 0; i < read; i++)
            {
                var b = buffer[i];
                if (pendingCr)
                {
                    pendingCr = false;
                    if (b != (byte)'\n')
                    {
                        result[length++] = (byte)'\r';
                    }
                }

                if (b == (byte)'\r')
                {
                    pendingCr = true;
                }
                else
                {
                    result[length++] = b;
                }
            }

            await output.WriteAsync(result.AsMemory(0, length), cancellationToken);
            written += length;
        }

        if (pendingCr)
        {
            await output.WriteAsync(new byte[] { (byte)'\r' }, cancellationToken);
            written++;
        }

        return written;
    }

    /// <summary>MD5 (lowercase hex) of the file without trailing ASCII whitespace, as Python's <c>bytes.rstrip()</c>.</summary>
    private static async Task<string> StrippedMd5Async(string path, CancellationToken cancellationToken)
    {
        await using var file = OpenRead(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[BufferSize];

        // Whitespace is held back until a later non-whitespace byte shows it is not trailing.
        var pending = new MemoryStream();
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (IsAsciiWhitespace(buffer[i]))
                {
                    if (i > start)
                    {
                        hash.AppendData(buffer, start, i - start);
                    }

                    pending.WriteByte(buffer[i]);
                    start = i + 1;
                }
                else if (pending.Length > 0)
                {
                    hash.AppendData(pending.GetBuffer(), 0, (int)pending.Length);
                    pending.SetLength(0);
                }
            }

            if (read > start)
            {
                hash.AppendData(buffer, start, read - start);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static bool IsAsciiWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0b or 0x0c;

    private static async Task WriteInfoAsync(string directory, bool sql, List<TestCaseInfoEntry> cases, CancellationToken cancellationToken)
    {
        var testCases = new JsonObject();
        for (var i = 0; i < cases.Count; i++)
        {
            testCases[(i + 1).ToString(CultureInfo.InvariantCulture)] = JsonSerializer.SerializeToNode(cases[i]);
        }

        var info = new JsonObject();
        if (sql)
        {
            info["sql"] = true;
        }

        info["test_cases"] = testCases;
        await using var file = CreateFile(Path.Combine(directory, "info"));
        await file.WriteAsync(Encoding.UTF8.GetBytes(info.ToJsonString()), cancellationToken);
    }

    private void TryDeleteDirectory(string directory)
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
        catch (JsonException)
        {
            return null;
        }
        catch (IOException)
        {
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
        var names = new List<string>();
        for (var n = 1; ; n++)
        {
            var number = n.ToString(CultureInfo.InvariantCulture);
            if (info?.Sql == true)
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
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
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
