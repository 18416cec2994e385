using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OnlineJudge.Services.Storage;

namespace OnlineJudge.Services.Users;

/// <summary>
/// The xlsx of generated users (account.md C9/C10): kept in the private folder <c>&lt;DataRoot&gt;/generated_users</c>
/// (never under <c>/public</c>), encrypted with Data Protection because it lists passwords, deleted when downloaded.
/// Files not downloaded within a day are removed when the next file is written.
/// </summary>
public class GeneratedUserFiles(IOptions<StorageOptions> storage, IDataProtectionProvider protection, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    private readonly IDataProtector protector = protection.CreateProtector("OnlineJudge.Users.GeneratedUserFile.v1");

    private string Folder => Path.Combine(storage.Value.DataRoot, "generated_users");

    public async Task SaveAsync(string fileId, IEnumerable<(string Username, string Password)> users, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        await Task.Run(RemoveStaleFiles, cancellationToken);
        using var buffer = new MemoryStream();
        await buffer.SaveAsAsync(users.Select(u => new Row { Username = u.Username, Password = u.Password }),
            cancellationToken: cancellationToken);
        await File.WriteAllBytesAsync(PathOf(fileId), protector.Protect(buffer.ToArray()), cancellationToken);
    }

    /// <summary>The xlsx bytes, or null when there is no such file; the file is deleted once read.</summary>
    public async Task<byte[]?> TakeAsync(string fileId, CancellationToken cancellationToken)
    {
        var path = PathOf(fileId);
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        File.Delete(path);
        return protector.Unprotect(content);
    }

    private string PathOf(string fileId) => Path.Combine(Folder, fileId + ".xlsx.protected");

    private void RemoveStaleFiles()
    {
        var limit = time.GetUtcNow().UtcDateTime - MaxAge;
        foreach (var file in new DirectoryInfo(Folder).EnumerateFiles("*.xlsx.protected"))
        {
            if (file.LastWriteTimeUtc < limit)
            {
                file.Delete();
            }
        }
    }

    private sealed class Row
    {
        [ExcelColumnName("Username")]
        [ExcelColumnWidth(20)]
        public string Username { get; set; } = "";

        [ExcelColumnName("Password")]
        [ExcelColumnWidth(20)]
        public string Password { get; set; } = "";
    }
}
