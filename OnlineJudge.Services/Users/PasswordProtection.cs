using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnlineJudge.Services.Storage;

namespace OnlineJudge.Services.Users;

public static class PasswordProtectionRegistration
{
    /// <summary>Application name shared by every web instance, so they all use the same key ring and purposes.</summary>
    public const string ApplicationName = "OnlineJudge";

    /// <summary>
    /// ASP.NET Core Data Protection for admin-set passwords (spec README, decision 6), with the key ring in
    /// <c>&lt;DataRoot&gt;/keys</c>: the data folder is already the durable volume every web instance shares (avatars,
    /// uploads, test cases), it is backed up with the data, and it survives a Redis flush or eviction. Keys kept in Redis
    /// would be lost with the cache and make every stored password unreadable. The keys sit apart from the database, so
    /// a database dump alone reveals no password.
    /// </summary>
    public static IServiceCollection AddUserPasswordProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<StorageOptions>, ILoggerFactory>((options, storage, loggers) =>
                options.XmlRepository = new FileSystemXmlRepository(
                    new DirectoryInfo(Path.Combine(storage.Value.DataRoot, "keys")), loggers));
        services.AddSingleton<RawPasswordProtector>();
        services.AddSingleton<BulkPasswordHasher>();
        services.AddSingleton<GeneratedUserFiles>();
        return services;
    }
}

/// <summary>
/// Encrypts the copy of an admin-set password kept in <c>user.raw_password</c> so that teachers can read it (README,
/// decision 6). Values the reference stored in plain text (at most 20 characters, never our ciphertext) are shown as
/// they are until the password is set again. A value that cannot be decrypted means the key ring in
/// <c>&lt;DataRoot&gt;/keys</c> was lost or replaced: that is logged as an error (at most once a minute), never hidden.
/// </summary>
public class RawPasswordProtector(IDataProtectionProvider provider, TimeProvider time, ILogger<RawPasswordProtector> logger)
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMinutes(1);

    private long lastReport = long.MinValue;

    private const string Purpose = "OnlineJudge.Users.RawPassword.v1";

    /// <summary>Every Data Protection payload starts with its magic header 09 F0 C9 F0, which is <c>CfDJ8</c> in base64url.</summary>
    private const string CiphertextPrefix = "CfDJ8";

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public string Protect(string password) => protector.Protect(password);

    /// <summary>The readable password of a stored value; null when there is none or it cannot be decrypted.</summary>
    public string? Reveal(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        if (!stored.StartsWith(CiphertextPrefix, StringComparison.Ordinal) || stored.Length <= 20)
        {
            return stored;
        }

        try
        {
            return protector.Unprotect(stored);
        }
        catch (CryptographicException exception)
        {
            ReportUnreadable(exception);
            return null;
        }
    }

    private void ReportUnreadable(CryptographicException exception)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref lastReport);
        if ((last == long.MinValue || time.GetElapsedTime(last, now) >= ReportEvery)
            && Interlocked.CompareExchange(ref lastReport, now, last) == last)
        {
            logger.LogError(exception,
                "A stored raw_password cannot be decrypted: the Data Protection key ring in <DataRoot>/keys is missing or was replaced; "
                + "teachers see no password until an admin sets it again");
        }
    }
}
