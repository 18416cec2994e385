using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using OnlineJudge.Services.Storage;

namespace OnlineJudge.Tests.Uploads;

/// <summary>utils.md §1–§2: rich-text uploads answer bare objects, not envelopes.</summary>
[NonParallelizable]
public class UploadTests : IntegrationTest
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    private static StorageOptions Storage => TestEnvironment.Factory.Services.GetRequiredService<IOptions<StorageOptions>>().Value;

    private static MultipartFormDataContent Form(string field, string fileName, byte[] bytes)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, field, fileName);
        return content;
    }

    private async Task<ApiClient> AdminAsync()
    {
        var client = NewClient();
        await client.LoginAsync(await new UserBuilder().AsStudentAdmin().BuildAsync());
        return client;
    }

    private static string DiskPath(string filePath) => Path.Combine(Storage.UploadDir, Path.GetFileName(filePath));

    [Test]
    public async Task An_admin_uploads_an_image_that_is_then_served_publicly()
    {
        var admin = await AdminAsync();
        // CSRF-exempt: no token is sent.
        var response = await admin.SendAsync(HttpMethod.Post, "/api/admin/upload_image", Form("image", "Photo.PNG", Png), csrf: false);
        var body = response.Json;
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.TryGetProperty("error", out _), Is.False);
            Assert.That(body.GetProperty("success").GetBoolean(), Is.True);
            Assert.That(body.GetProperty("msg").GetString(), Is.EqualTo("Success"));
            Assert.That(body.GetProperty("file_path").GetString(), Does.Match("^/public/upload/[1-9a-f][0-9a-f]{9}\\.png$"));
        });

        var path = body.GetProperty("file_path").GetString()!;
        Assert.That(await File.ReadAllBytesAsync(DiskPath(path)), Is.EqualTo(Png));
        var served = await admin.Http.GetAsync(path);
        Assert.Multiple(async () =>
        {
            Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await served.Content.ReadAsByteArrayAsync(), Is.EqualTo(Png));
        });
    }

    [TestCase(".gif")]
    [TestCase(".jpg")]
    [TestCase(".jpeg")]
    [TestCase(".bmp")]
    public async Task Every_image_extension_is_accepted(string extension)
    {
        var admin = await AdminAsync();
        var body = (await admin.SendAsync(HttpMethod.Post, "/api/admin/upload_image", Form("image", "a" + extension, Png), csrf: false)).Json;
        Assert.That(body.GetProperty("file_path").GetString(), Does.EndWith(extension));
    }

    [Test]
    public async Task Bad_image_uploads_answer_failure_objects()
    {
        var admin = await AdminAsync();
        async Task<JsonElement> Post(HttpContent content) => (await admin.SendAsync(HttpMethod.Post, "/api/admin/upload_image", content, csrf: false)).Json;

        var wrongField = await Post(Form("file", "a.png", Png));
        var empty = await Post(Form("image", "a.png", []));
        var notMultipart = await Post(System.Net.Http.Json.JsonContent.Create(new { image = "x" }));
        var noBody = await Post(new StringContent(""));
        var unsupported = await Post(Form("image", "a.exe", Png));
        var noExtension = await Post(Form("image", "png", Png));
        Assert.Multiple(() =>
        {
            foreach (var failed in new[] { wrongField, empty, notMultipart, noBody })
            {
                Assert.That(failed.GetProperty("success").GetBoolean(), Is.False);
                Assert.That(failed.GetProperty("msg").GetString(), Is.EqualTo("Upload failed"));
                Assert.That(failed.GetProperty("file_path").GetString(), Is.EqualTo(""));
            }

            foreach (var failed in new[] { unsupported, noExtension })
            {
                Assert.That(failed.GetProperty("success").GetBoolean(), Is.False);
                Assert.That(failed.GetProperty("msg").GetString(), Is.EqualTo("Unsupported file format"));
                Assert.That(failed.GetProperty("file_path").GetString(), Is.EqualTo(""));
            }
        });
    }

    [Test]
    public async Task Files_over_the_size_limit_are_refused()
    {
        var admin = await AdminAsync();
        var original = Storage.MaxUploadBytes;
        Storage.MaxUploadBytes = 8;
        try
        {
            var image = (await admin.SendAsync(HttpMethod.Post, "/api/admin/upload_image", Form("image", "a.png", Png), csrf: false)).Json;
            var file = (await admin.SendAsync(HttpMethod.Post, "/api/admin/upload_file", Form("file", "a.txt", Png), csrf: false)).Json;
            Assert.Multiple(() =>
            {
                Assert.That(image.GetProperty("success").GetBoolean(), Is.False);
                Assert.That(image.GetProperty("msg").GetString(), Is.EqualTo("File too large"));
                Assert.That(image.GetProperty("file_path").GetString(), Is.EqualTo(""));
                Assert.That(file.GetProperty("success").GetBoolean(), Is.False);
                Assert.That(file.GetProperty("msg").GetString(), Is.EqualTo("File too large"));
            });
        }
        finally
        {
            Storage.MaxUploadBytes = original;
        }
    }

    [Test]
    public async Task Non_admins_get_the_admin_gate_envelope()
    {
        (await Client.SendAsync(HttpMethod.Post, "/api/admin/upload_image", Form("image", "a.png", Png), csrf: false))
            .AssertError("login-required", "Please login in first");
        await Client.LoginAsync(await new UserBuilder().BuildAsync());
        (await Client.SendAsync(HttpMethod.Post, "/api/admin/upload_image", Form("image", "a.png", Png), csrf: false))
            .AssertError("login-required", "Please login in first");
        (await Client.SendAsync(HttpMethod.Post, "/api/admin/upload_file", Form("file", "a.txt", Png), csrf: false))
            .AssertError("login-required", "Please login in first");
    }

    [Test]
    public async Task Any_file_is_uploaded_under_a_random_name_with_its_original_name_reported()
    {
        var admin = await AdminAsync();
        var body = (await admin.SendAsync(HttpMethod.Post, "/api/admin/upload_file", Form("file", "notes.tar.GZ", [9, 8, 7]), csrf: false)).Json;
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("success").GetBoolean(), Is.True);
            Assert.That(body.GetProperty("msg").GetString(), Is.EqualTo("Success"));
            Assert.That(body.GetProperty("file_path").GetString(), Does.Match("^/public/upload/[1-9a-f][0-9a-f]{9}\\.GZ$"));
            Assert.That(body.GetProperty("file_name").GetString(), Is.EqualTo("notes.tar.GZ"));
        });
        Assert.That(await File.ReadAllBytesAsync(DiskPath(body.GetProperty("file_path").GetString()!)), Is.EqualTo(new byte[] { 9, 8, 7 }));
    }

    [Test]
    public async Task Uploaded_names_cannot_leave_the_upload_folder()
    {
        var admin = await AdminAsync();
        var traversal = (await admin.SendAsync(HttpMethod.Post, "/api/admin/upload_file", Form("file", "../../evil.sh", [1]), csrf: false)).Json;
        var oddExtension = (await admin.SendAsync(HttpMethod.Post, "/api/admin/upload_file", Form("file", "a.p$p", [1]), csrf: false)).Json;
        Assert.Multiple(() =>
        {
            Assert.That(traversal.GetProperty("file_path").GetString(), Does.Match("^/public/upload/[0-9a-f]{10}\\.sh$"));
            Assert.That(traversal.GetProperty("file_name").GetString(), Is.EqualTo("evil.sh"));
            Assert.That(oddExtension.GetProperty("file_path").GetString(), Does.Match("^/public/upload/[0-9a-f]{10}$"));
        });
        Assert.That(File.Exists(DiskPath(traversal.GetProperty("file_path").GetString()!)), Is.True);
    }

    [Test]
    public async Task A_missing_file_is_a_failure_without_a_path()
    {
        var admin = await AdminAsync();
        var body = (await admin.SendAsync(HttpMethod.Post, "/api/admin/upload_file", Form("image", "a.txt", [1]), csrf: false)).Json;
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("success").GetBoolean(), Is.False);
            Assert.That(body.GetProperty("msg").GetString(), Is.EqualTo("Upload failed"));
            Assert.That(body.TryGetProperty("file_path", out _), Is.False);
            Assert.That(body.TryGetProperty("file_name", out _), Is.False);
        });
    }
}
