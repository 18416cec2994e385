using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnlineJudge.Services.Common;
using static OnlineJudge.Services.TestCases.TestCaseFiles;

namespace OnlineJudge.Services.TestCases;

/// <summary>
/// POST /api/admin/test_case (problem.md §2.13): a zip of test cases into a new directory of <see cref="TestCaseService"/>.
/// Archive entries are only ever read under names we choose (<c>N.in</c>, <c>N.out</c>, <c>N.sql</c> at the root), so entry
/// paths never reach the file system; sizes are counted while decompressing (<see cref="TestCaseLimits"/>).
/// </summary>
public class TestCaseUploadService(TestCaseService testCases, IOptions<TestCaseLimits> options, ILogger<TestCaseUploadService> logger)
{
    private TestCaseLimits limits => options.Value;

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
            logger.LogInformation(exception, "Test-case upload refused: not a zip");
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
            var directory = testCases.DirectoryOf(id);
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
                await Task.Run(() => testCases.TryDeleteDirectory(directory), CancellationToken.None);
                if (exception is not (TestCaseTooLargeException or InvalidDataException))
                {
                    throw;
                }

                logger.LogInformation(exception, "Test-case upload refused");
                return ServiceError.Of(exception is TestCaseTooLargeException ? exception.Message : "Bad zip file");
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
}
