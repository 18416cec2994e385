using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OnlineJudge.Services.Storage;

namespace OnlineJudge.Tests.Problems;

public class TestCaseTests : IntegrationTest
{
    private User teacher = null!;

    [SetUp]
    public async Task CreateTeacherAsync() => teacher = await new UserBuilder().WithUsername("teacher").AsTeacherAdmin().BuildAsync();

    private static string Root => TestEnvironment.Factory.Services.GetRequiredService<IOptions<StorageOptions>>().Value.TestCaseRoot;

    internal static byte[] Zip(params (string Name, string Content)[] files) =>
        ZipBytes([.. files.Select(f => (f.Name, Encoding.UTF8.GetBytes(f.Content)))]);

    private static byte[] ZipBytes(params (string Name, byte[] Content)[] files)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }

        return memory.ToArray();
    }

    internal static Task<ApiResponse> PostZipAsync(ApiClient client, byte[] zip, string? sql = null)
    {
        var content = new MultipartFormDataContent { { new ByteArrayContent(zip), "file", "cases.zip" } };
        if (sql is not null)
        {
            content.Add(new StringContent(sql), "sql");
        }

        return client.SendAsync(HttpMethod.Post, "/api/admin/test_case", content, csrf: false);
    }

    internal static async Task<JsonElement> UploadAsync(ApiClient client, byte[] zip, bool sql) =>
        (await PostZipAsync(client, zip, sql ? "1" : null)).Ok();

    private async Task<ApiClient> LoggedInAsync(User user)
    {
        var client = NewClient();
        await client.LoginAsync(user);
        return client;
    }

#pragma warning disable CA5351 // The judge-server contract (data-model.md §5) is MD5; not used for security.
    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351

    [Test]
    public async Task Upload_normalises_line_endings_and_writes_info()
    {
        var client = await LoggedInAsync(teacher);
        var data = await UploadAsync(client, Zip(("1.in", "1 2\r\n"), ("1.out", "3\r\n\r\n  "), ("2.in", "5 5"), ("2.out", "10"),
            ("3.in", "orphan"), ("4.in", "x"), ("4.out", "y"), ("dir/5.in", "z")), sql: false);

        var id = data.GetProperty("id").GetString()!;
        Assert.That(id, Does.Match("^[0-9a-f]{32}$"));
        var info = data.GetProperty("info");
        Assert.That(info.GetArrayLength(), Is.EqualTo(2), "stops at the first incomplete pair");
        Assert.Multiple(() =>
        {
            Assert.That(info[0].GetProperty("input_name").GetString(), Is.EqualTo("1.in"));
            Assert.That(info[0].GetProperty("output_name").GetString(), Is.EqualTo("1.out"));
            Assert.That(info[0].GetProperty("input_size").GetInt64(), Is.EqualTo(4));
            Assert.That(info[0].GetProperty("output_size").GetInt64(), Is.EqualTo(5));
            Assert.That(info[0].GetProperty("stripped_output_md5").GetString(), Is.EqualTo(Md5("3")));
            Assert.That(info[1].GetProperty("stripped_output_md5").GetString(), Is.EqualTo(Md5("10")));
        });

        var directory = Path.Combine(Root, id);
        Assert.That(await File.ReadAllTextAsync(Path.Combine(directory, "1.in")), Is.EqualTo("1 2\n"));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(directory, "1.out")), Is.EqualTo("3\n\n  "));
        Assert.That(File.Exists(Path.Combine(directory, "3.in")), Is.False);
        var file = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "info"))).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(file.TryGetProperty("sql", out _), Is.False);
            var first = file.GetProperty("test_cases").GetProperty("1");
            Assert.That(first.EnumerateObject().Select(p => p.Name),
                Is.EqualTo(new[] { "input_name", "input_size", "output_name", "output_size", "stripped_output_md5" }));
            Assert.That(first.GetProperty("input_size").GetInt64(), Is.EqualTo(4));
            Assert.That(file.GetProperty("test_cases").GetProperty("2").GetProperty("output_name").GetString(), Is.EqualTo("2.out"));
        });
    }

    [Test]
    public async Task Upload_sql_test_cases()
    {
        var client = await LoggedInAsync(teacher);
        var data = (await PostZipAsync(client, Zip(("1.sql", "CREATE TABLE t(a);\r\n"), ("2.sql", "CREATE TABLE t(b);")), "True")).Ok();
        var info = data.GetProperty("info");
        Assert.Multiple(() =>
        {
            Assert.That(info.GetArrayLength(), Is.EqualTo(2));
            Assert.That(info[0].GetProperty("output_name").GetString(), Is.EqualTo("1.sql"));
            Assert.That(info[0].GetProperty("output_size").GetInt64(), Is.Zero);
            Assert.That(info[0].GetProperty("stripped_output_md5").GetString(), Is.EqualTo(""));
            Assert.That(info[0].GetProperty("input_size").GetInt64(), Is.EqualTo(19));
        });
        var file = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Root, data.GetProperty("id").GetString()!, "info"))).RootElement;
        Assert.That(file.GetProperty("sql").GetBoolean(), Is.True);

        (await PostZipAsync(client, Zip(("1.sql", "x")), "1")).AssertError("error", "SQL 题至少需要 2 个数据不同的测试点，防止硬编码期望结果");
    }

    [Test]
    public async Task Upload_errors()
    {
        var client = await LoggedInAsync(teacher);
        (await PostZipAsync(client, Encoding.UTF8.GetBytes("not a zip"))).AssertError("error", "Bad zip file");
        (await PostZipAsync(client, Zip(("readme.txt", "hi")))).AssertError("error", "Empty file");
        (await PostZipAsync(client, Zip(("1.in", "1")))).AssertError("error", "Empty file");
        var noFile = new MultipartFormDataContent { { new StringContent("1"), "sql" } };
        (await client.SendAsync(HttpMethod.Post, "/api/admin/test_case", noFile, csrf: false)).AssertError("error", "Upload failed");
        (await client.PostJsonAsync("/api/admin/test_case", new { })).AssertError("error", "Upload failed");
        (await PostZipAsync(Client, Zip(("1.in", "1"), ("1.out", "1")))).AssertError("login-required", "Please login in first");
    }

    [Test]
    public async Task Upload_ignores_entries_outside_the_root_and_never_writes_outside_the_directory()
    {
        var client = await LoggedInAsync(teacher);
        var data = await UploadAsync(client, Zip(("../1.in", "evil"), ("/1.out", "evil"), ("1.in", "good"), ("1.out", "ok"), ("..\\2.in", "x")), sql: false);
        var directory = Path.Combine(Root, data.GetProperty("id").GetString()!);
        Assert.That(await File.ReadAllTextAsync(Path.Combine(directory, "1.in")), Is.EqualTo("good"));
        Assert.That(Directory.GetFiles(directory).Select(Path.GetFileName), Is.EquivalentTo(new[] { "1.in", "1.out", "info" }));
        Assert.That(File.Exists(Path.Combine(Root, "1.in")), Is.False);
    }

    [Test]
    public async Task Upload_accepts_names_that_are_not_utf8()
    {
        var client = await LoggedInAsync(teacher);
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true, Encoding.Latin1))
        {
            foreach (var (name, content) in new[] { ("\u00e9t\u00e9.txt", "x"), ("1.in", "1"), ("1.out", "2") })
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        var data = await UploadAsync(client, memory.ToArray(), sql: false);
        Assert.That(data.GetProperty("info").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task Download_returns_the_test_cases_as_a_zip()
    {
        var client = await LoggedInAsync(teacher);
        var upload = await UploadAsync(client, Zip(("1.in", "1"), ("1.out", "2"), ("2.in", "3"), ("2.out", "4")), sql: false);
        var problem = await new ProblemBuilder(teacher).WithTestCaseId(upload.GetProperty("id").GetString()!).BuildAsync();

        using var response = await client.Http.GetAsync($"/api/admin/test_case?problem_id={problem.Id}");
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/octet-stream"));
        Assert.That(response.Content.Headers.GetValues("Content-Disposition").Single(), Is.EqualTo($"attachment; filename=problem_{problem.Id}_test_cases.zip"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(bytes.Length));
        using var archive = new ZipArchive(new MemoryStream(bytes));
        Assert.That(archive.Entries.Select(e => e.FullName), Is.EqualTo(new[] { "1.in", "1.out", "2.in", "2.out", "info" }));
        using var reader = new StreamReader(archive.GetEntry("2.out")!.Open());
        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("4"));
    }

    [Test]
    public async Task Download_errors()
    {
        var client = await LoggedInAsync(teacher);
        var missing = await new ProblemBuilder(teacher).WithTestCaseId("doesnotexist").BuildAsync();
        var other = await new UserBuilder().AsTeacherAdmin().BuildAsync();
        var contest = await new ContestBuilder(teacher).BuildAsync();
        var contestProblem = await new ProblemBuilder(teacher).InContest(contest).BuildAsync();

        (await client.GetAsync("/api/admin/test_case")).AssertError("error", "Parameter error, problem_id is required");
        (await client.GetAsync("/api/admin/test_case?problem_id=999999")).AssertError("error", "Problem does not exists");
        (await client.GetAsync($"/api/admin/test_case?problem_id={missing.Id}")).AssertError("error", "Test case does not exists");
        var otherClient = await LoggedInAsync(other);
        (await otherClient.GetAsync($"/api/admin/test_case?problem_id={missing.Id}")).AssertError("error", "Problem does not exist");
        (await otherClient.GetAsync($"/api/admin/test_case?problem_id={contestProblem.Id}")).AssertError("error", "Contest does not exist");
    }

    [Test]
    public async Task Sql_scripts_are_listed_in_order()
    {
        var client = await LoggedInAsync(teacher);
        var upload = await UploadAsync(client, Zip(("2.sql", "B"), ("1.sql", "A")), sql: true);
        var problem = await new ProblemBuilder(teacher).WithTestCaseId(upload.GetProperty("id").GetString()!).BuildAsync();
        var data = (await client.GetAsync($"/api/admin/sql_test_case_scripts?problem_id={problem.Id}")).Ok();
        Assert.That(data.EnumerateArray().Select(s => s.GetProperty("name").GetString()), Is.EqualTo(new[] { "1.sql", "2.sql" }));
        Assert.That(data[1].GetProperty("content").GetString(), Is.EqualTo("B"));

        var plain = await UploadAsync(client, Zip(("1.in", "1"), ("1.out", "1")), sql: false);
        var normal = await new ProblemBuilder(teacher).WithTestCaseId(plain.GetProperty("id").GetString()!).BuildAsync();
        (await client.GetAsync($"/api/admin/sql_test_case_scripts?problem_id={normal.Id}")).AssertError("error", "该题的测试点不是 SQL 类型");
        var none = await new ProblemBuilder(teacher).WithTestCaseId("nothinghere").BuildAsync();
        (await client.GetAsync($"/api/admin/sql_test_case_scripts?problem_id={none.Id}")).AssertError("error", "测试点信息读取失败");
        (await client.GetAsync("/api/admin/sql_test_case_scripts")).AssertError("error", "Parameter error, problem_id is required");
    }

    [Test]
    public async Task Prune_lists_and_deletes_orphans()
    {
        var client = await LoggedInAsync(teacher);
        var used = (await UploadAsync(client, Zip(("1.in", "1"), ("1.out", "1")), sql: false)).GetProperty("id").GetString()!;
        var orphan = (await UploadAsync(client, Zip(("1.in", "1"), ("1.out", "1")), sql: false)).GetProperty("id").GetString()!;
        var another = (await UploadAsync(client, Zip(("1.in", "1"), ("1.out", "1")), sql: false)).GetProperty("id").GetString()!;
        await new ProblemBuilder(teacher).WithTestCaseId(used).BuildAsync();

        (await client.GetAsync("/api/admin/prune_test_case")).AssertError("permission-denied", "Please login first");
        var admin = await new UserBuilder().AsSuperAdmin().BuildAsync();
        var adminClient = await LoggedInAsync(admin);
        var list = (await adminClient.GetAsync("/api/admin/prune_test_case")).Ok();
        var ids = list.EnumerateArray().Select(o => o.GetProperty("id").GetString()).ToList();
        Assert.That(ids, Does.Contain(orphan).And.Contain(another).And.Not.Contain(used));
        Assert.That(list[0].GetProperty("create_time").GetDouble(), Is.GreaterThan(1_600_000_000));

        (await adminClient.SendAsync(HttpMethod.Delete, $"/api/admin/prune_test_case?id={orphan}", null)).Ok();
        Assert.That(Directory.Exists(Path.Combine(Root, orphan)), Is.False);
        (await adminClient.SendAsync(HttpMethod.Delete, "/api/admin/prune_test_case?id=../../etc", null)).Ok();
        (await adminClient.SendAsync(HttpMethod.Delete, "/api/admin/prune_test_case", null)).Ok();
        Assert.That(Directory.Exists(Path.Combine(Root, another)), Is.False);
        Assert.That(Directory.Exists(Path.Combine(Root, used)), Is.True);
    }
}
