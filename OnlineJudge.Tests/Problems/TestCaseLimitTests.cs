using System.IO.Compression;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OnlineJudge.Services.Storage;
using OnlineJudge.Services.TestCases;

namespace OnlineJudge.Tests.Problems;

/// <summary>Zip-bomb limits of <see cref="TestCaseUploadService"/>, with small configured limits (section <c>TestCases</c>).</summary>
public class TestCaseLimitTests
{
    private string root = null!;
    private TestCaseUploadService service = null!;

    [SetUp]
    public void CreateService()
    {
        root = Path.Combine(Path.GetTempPath(), "onlinejudge-limits-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TestCases:MaxEntries"] = "6",
            ["TestCases:MaxFileBytes"] = "1000",
            ["TestCases:MaxTotalBytes"] = "1500",
        }).Build();
        var testCases = new TestCaseService(Options.Create(new StorageOptions { TestCaseDir = root }), NullLogger<TestCaseService>.Instance);
        service = new TestCaseUploadService(testCases, Options.Create(configuration.GetSection(TestCaseLimits.Section).Get<TestCaseLimits>()!),
            NullLogger<TestCaseUploadService>.Instance);
    }

    [TearDown]
    public void RemoveRoot()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static MemoryStream Zip(params (string Name, int Size)[] files)
    {
        var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, size) in files)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(new byte[size]);
            }
        }

        memory.Position = 0;
        return memory;
    }

    private int Directories => Directory.Exists(root) ? Directory.GetDirectories(root).Length : 0;

    [Test]
    public async Task A_file_larger_than_the_limit_is_rejected_and_nothing_is_left()
    {
        await using var zip = Zip(("1.in", 10), ("1.out", 1001));
        var result = await service.UploadAsync(zip, sql: false, CancellationToken.None);
        Assert.That(result.Error?.Message, Is.EqualTo("1.out is larger than 1000 bytes uncompressed"));
        Assert.That(Directories, Is.Zero);
    }

    [Test]
    public async Task The_total_size_is_limited()
    {
        await using var zip = Zip(("1.in", 900), ("1.out", 10), ("2.in", 900), ("2.out", 10));
        var result = await service.UploadAsync(zip, sql: false, CancellationToken.None);
        Assert.That(result.Error?.Message, Does.StartWith("The test cases are larger than 1500 bytes uncompressed"));
        Assert.That(Directories, Is.Zero);
    }

    [Test]
    public async Task The_number_of_entries_is_limited()
    {
        await using var zip = Zip(("1.in", 1), ("1.out", 1), ("2.in", 1), ("2.out", 1), ("a", 1), ("b", 1), ("c", 1));
        var result = await service.UploadAsync(zip, sql: false, CancellationToken.None);
        Assert.That(result.Error?.Message, Is.EqualTo("The zip file has more than 6 entries"));
    }

    [Test]
    public async Task Within_the_limits_the_upload_succeeds()
    {
        await using var zip = Zip(("1.in", 700), ("1.out", 700));
        var result = await service.UploadAsync(zip, sql: false, CancellationToken.None);
        Assert.That(result.Error, Is.Null);
        Assert.That(result.Data!.Info[0].InputSize, Is.EqualTo(700));
        Assert.That(Directories, Is.EqualTo(1));
    }
}
