using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OnlineJudge.Services.Contests;

/// <summary>The contest password rule of contest.md §0.3, including time-limited <c>sig#ts</c> tokens.</summary>
public static class ContestPasswords
{
    public static bool Check(string? entered, string? contestPassword, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(entered) || string.IsNullOrEmpty(contestPassword))
        {
            return false;
        }

        if (entered == contestPassword)
        {
            return true;
        }

        var parts = entered.Split('#');
        if (parts.Length != 2)
        {
            return false;
        }

        var (signature, timestamp) = (parts[0], parts[1]);
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(contestPassword + timestamp)))[..8];
        return signature == expected
            && long.TryParse(timestamp.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var expires)
            && now.ToUnixTimeSeconds() < expires;
    }
}
