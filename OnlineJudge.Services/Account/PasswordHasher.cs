using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OnlineJudge.Services.Account;

/// <summary>
/// Hashes in Django's format <c>pbkdf2_sha256$&lt;iterations&gt;$&lt;salt&gt;$&lt;base64 hash&gt;</c>, so hashes written by the
/// reference keep working and ours work there too.
/// </summary>
public class PasswordHasher(IOptions<PasswordOptions> options)
{
    private const string Algorithm = "pbkdf2_sha256";
    private const string SaltAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const int SaltLength = 22;
    private const int HashBytes = 32;

    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetString(SaltAlphabet, SaltLength);
        return Hash(password, salt, options.Value.Iterations);
    }

    public static string Hash(string password, string salt, int iterations)
    {
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(salt),
            iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Algorithm}${iterations}${salt}${Convert.ToBase64String(hash)}");
    }

    public static bool Verify(string password, string encoded)
    {
        if (!TryParse(encoded, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(salt),
            iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>True when a stored hash uses fewer iterations than configured (it is re-hashed after a good login).</summary>
    public bool NeedsUpgrade(string encoded) =>
        TryParse(encoded, out var iterations, out _, out _) && iterations < options.Value.Iterations;

    private static bool TryParse(string encoded, out int iterations, out string salt, out byte[] hash)
    {
        iterations = 0;
        salt = "";
        hash = [];
        var parts = encoded.Split('$');
        if (parts.Length != 4 || parts[0] != Algorithm
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations <= 0)
        {
            return false;
        }

        salt = parts[2];
        try
        {
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return hash.Length > 0;
    }
}
