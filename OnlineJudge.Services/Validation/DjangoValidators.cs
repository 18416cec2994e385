using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace OnlineJudge.Services.Validation;

/// <summary>Ports of Django 5.0's EmailValidator and URLValidator (Python's \Z is .NET's \z).</summary>
internal static partial class DjangoValidators
{
    private const int MatchTimeoutMs = 1000;
    private static readonly string[] UrlSchemes = ["http", "https", "ftp", "ftps"];

    public static bool IsEmail(string value)
    {
        if (value.Length == 0 || !value.Contains('@', StringComparison.Ordinal) || Py.Length(value) > 320)
        {
            return false;
        }

        var at = value.LastIndexOf('@');
        var user = value[..at];
        var domain = value[(at + 1)..];
        if (!Matches(EmailUser(), user))
        {
            return false;
        }

        return domain == "localhost" || IsEmailDomain(domain) || (TryPunycode(domain, out var ascii) && IsEmailDomain(ascii));
    }

    public static bool IsUrl(string value)
    {
        if (value.Length > 2048 || value.AsSpan().IndexOfAny("\t\r\n") >= 0)
        {
            return false;
        }

        var separator = value.IndexOf("://", StringComparison.Ordinal);
        var scheme = (separator < 0 ? value : value[..separator]).ToLowerInvariant();
        if (!UrlSchemes.Contains(scheme) || !TrySplitNetloc(value, out var netloc))
        {
            return false;
        }

        if (Matches(Url(), value))
        {
            var bracketed = BracketedHost().Match(netloc);
            if (bracketed.Success && !IsIPv6(bracketed.Groups[1].Value))
            {
                return false;
            }
        }
        else
        {
            // Django retries with the host converted to punycode (IDN).
            var host = HostOf(netloc);
            if (host.Length == 0 || !TryPunycode(host, out var asciiHost))
            {
                return false;
            }

            var hostAt = netloc.LastIndexOf(host, StringComparison.Ordinal);
            var asciiNetloc = netloc[..hostAt] + asciiHost + netloc[(hostAt + host.Length)..];
            var netlocAt = value.IndexOf(netloc, separator + 3, StringComparison.Ordinal);
            if (!Matches(Url(), value[..netlocAt] + asciiNetloc + value[(netlocAt + netloc.Length)..]))
            {
                return false;
            }
        }

        var hostname = HostOf(netloc);
        return hostname.Length > 0 && hostname.Length <= 253;
    }

    private static bool IsEmailDomain(string domain)
    {
        if (Matches(EmailDomain(), domain))
        {
            return true;
        }

        var literal = EmailLiteral().Match(domain);
        return literal.Success && (IsIPv4(literal.Groups[1].Value) || IsIPv6(literal.Groups[1].Value));
    }

    /// <summary>urllib.parse.urlsplit's netloc, failing where urlsplit raises ValueError.</summary>
    private static bool TrySplitNetloc(string url, out string netloc)
    {
        netloc = string.Empty;
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var rest = url[(colon + 1)..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            rest = rest[2..];
            var end = rest.AsSpan().IndexOfAny("/?#");
            netloc = end < 0 ? rest : rest[..end];
        }

        var open = netloc.Contains('[', StringComparison.Ordinal);
        if (open != netloc.Contains(']', StringComparison.Ordinal))
        {
            return false;
        }

        if (open)
        {
            var inside = netloc[(netloc.IndexOf('[', StringComparison.Ordinal) + 1)..];
            inside = inside[..Math.Max(0, inside.IndexOf(']', StringComparison.Ordinal))];
            return IPvFuture().IsMatch(inside) || (IsIPv6(inside) && !IsIPv4(inside));
        }

        return true;
    }

    /// <summary>urlsplit(...).hostname, lower-cased; empty when there is none.</summary>
    private static string HostOf(string netloc)
    {
        var host = netloc[(netloc.LastIndexOf('@') + 1)..];
        if (host.Contains('[', StringComparison.Ordinal))
        {
            host = host[(host.IndexOf('[', StringComparison.Ordinal) + 1)..];
            var close = host.IndexOf(']', StringComparison.Ordinal);
            host = close < 0 ? host : host[..close];
        }
        else
        {
            var colon = host.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? host : host[..colon];
        }

        return host.ToLowerInvariant();
    }

    private static bool TryPunycode(string domain, out string ascii)
    {
        try
        {
            ascii = new IdnMapping().GetAscii(domain);
            return true;
        }
        catch (ArgumentException)
        {
            ascii = string.Empty;
            return false;
        }
    }

    /// <summary>Python's ipaddress.IPv4Address: four decimal octets, no leading zeros.</summary>
    private static bool IsIPv4(string value) => IPv4().IsMatch(value);

    private static bool IsIPv6(string value) =>
        value.Contains(':', StringComparison.Ordinal) && !value.Contains('%', StringComparison.Ordinal)
        && IPAddress.TryParse(value, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;

    private static bool Matches(Regex regex, string value)
    {
        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    [GeneratedRegex("""^[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*\z|^"([\x01-\x08\x0b\x0c\x0e-\x1f!#-\[\]-\x7f]|\\[\x01-\x09\x0b\x0c\x0e-\x7f])*"\z""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeoutMs)]
    private static partial Regex EmailUser();

    [GeneratedRegex(@"^((?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\.)+)(?:[A-Z0-9-]{2,63}(?<!-))\z",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeoutMs)]
    private static partial Regex EmailDomain();

    [GeneratedRegex(@"^\[([A-F0-9:.]+)\]\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EmailLiteral();

    [GeneratedRegex(
        @"^(?:[a-z0-9.+-]*)://"
        + @"(?:[^\s\x1c-\x1f:@/]+(?::[^\s\x1c-\x1f:@/]*)?@)?"
        + @"(?:(?:0|25[0-5]|2[0-4][0-9]|1[0-9]?[0-9]?|[1-9][0-9]?)(?:\.(?:0|25[0-5]|2[0-4][0-9]|1[0-9]?[0-9]?|[1-9][0-9]?)){3}"
        + @"|\[[0-9a-f:.]+\]"
        + @"|([a-z\u00a1-\uffff0-9](?:[a-z\u00a1-\uffff0-9-]{0,61}[a-z\u00a1-\uffff0-9])?"
        + @"(?:\.(?!-)[a-z\u00a1-\uffff0-9-]{1,63}(?<!-))*"
        + @"\.(?!-)(?:[a-z\u00a1-\uffff-]{2,63}|xn--[a-z0-9]{1,59})(?<!-)\.?|localhost))"
        + @"(?::[0-9]{1,5})?"
        + @"(?:[/?#][^\s\x1c-\x1f]*)?\z",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeoutMs)]
    private static partial Regex Url();

    [GeneratedRegex(@"^\[(.+)\](?::[0-9]{1,5})?$")]
    private static partial Regex BracketedHost();

    [GeneratedRegex(@"^v[a-fA-F0-9]+\..+$")]
    private static partial Regex IPvFuture();

    [GeneratedRegex(@"^(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}\z")]
    private static partial Regex IPv4();
}
