using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OnlineJudge.Judge.Protocol;

namespace OnlineJudge.Judge.Judging;

/// <summary>One test case: its key in <c>info.test_cases</c> ("1", "2", …), its input file, and what the output must hash to.</summary>
public sealed record TestCaseEntry(string Id, string InputPath, long OutputSize, string StrippedOutputMd5);

/// <summary>The test cases of a request, in the order of the <c>info</c> file (data-model.md §5).</summary>
public sealed record TestCaseSet(IReadOnlyList<TestCaseEntry> Cases, bool IsSpecialJudge)
{
    /// <summary>Reads <c>&lt;root&gt;/&lt;id&gt;/info</c> with upstream's messages: unreadable → "Test case not found", not JSON → "Bad test case config".</summary>
    public static async Task<TestCaseSet> LoadAsync(string testCaseRoot, string testCaseId, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(testCaseRoot, testCaseId);
        byte[] info;
        try
        {
            info = await File.ReadAllBytesAsync(Path.Combine(folder, "info"), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JudgeClientErrorException("Test case not found");
        }

        try
        {
            using var document = JsonDocument.Parse(info);
            return FromInfo(document.RootElement, folder);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new JudgeClientErrorException("Bad test case config");
        }
    }

    /// <summary>Writes inline cases (<c>test_case</c> of the request) as a test-case folder, as upstream does.</summary>
    public static async Task<TestCaseSet> WriteInlineAsync(IReadOnlyList<InlineTestCase> cases, string folder, CancellationToken cancellationToken)
    {
        var entries = new List<TestCaseEntry>(cases.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var id = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var input = Path.Combine(folder, id + ".in");
            await File.WriteAllBytesAsync(input, Encoding.UTF8.GetBytes(cases[i].Input), cancellationToken);
            var output = Encoding.UTF8.GetBytes(cases[i].Output);
            var stripped = output.AsSpan(0, OutputChecker.StrippedLength(output));
#pragma warning disable CA5351 // MD5 is the protocol's output checksum, not a security measure
            entries.Add(new TestCaseEntry(id, input, output.Length, Convert.ToHexStringLower(MD5.HashData(stripped))));
#pragma warning restore CA5351
        }

        return new TestCaseSet(entries, false);
    }

    private static TestCaseSet FromInfo(JsonElement root, string folder)
    {
        var cases = root.GetProperty("test_cases");
        var entries = new List<TestCaseEntry>();
        foreach (var property in cases.EnumerateObject())
        {
            // Keys name output files of the judge: they must be plain names.
            if (!IsPlainName(property.Name))
            {
                throw new FormatException("test case key");
            }

            var item = property.Value;
            var inputName = item.GetProperty("input_name").GetString() ?? throw new FormatException("input_name");
            if (!IsPlainName(inputName))
            {
                throw new FormatException("input_name");
            }

            var outputSize = item.TryGetProperty("output_size", out var size) && size.ValueKind == JsonValueKind.Number ? size.GetInt64() : 0;
            var md5 = item.TryGetProperty("stripped_output_md5", out var hash) && hash.ValueKind == JsonValueKind.String ? hash.GetString()! : "";
            entries.Add(new TestCaseEntry(property.Name, Path.Combine(folder, inputName), outputSize, md5));
        }

        var spj = root.TryGetProperty("spj", out var flag) && flag.ValueKind == JsonValueKind.True;
        return new TestCaseSet(entries, spj);
    }

    private static bool IsPlainName(string name) =>
        name.Length is > 0 and <= 255 && name is not ("." or "..") && !name.Contains('/', StringComparison.Ordinal) && !name.Contains('\0', StringComparison.Ordinal);
}
