using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace OnlineJudge.Services.Contests;

/// <summary>
/// A contest's <c>allowed_ip_ranges</c> (contest.md §0.4): networks parsed like Python's
/// <c>ip_network(value, strict=False)</c> — IPv4 or IPv6, host bits allowed, a bare address is a single-host network,
/// IPv4 prefixes may also be written as a netmask (<c>/255.255.0.0</c>) or hostmask (<c>/0.0.255.255</c>).
/// </summary>
public readonly record struct ContestIpRange(IPAddress Network, int PrefixLength)
{
    public static bool TryParse(string? text, out ContestIpRange range)
    {
        range = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        var prefixText = slash < 0 ? null : text[(slash + 1)..];
        if (!TryParseAddress(addressText, out var address))
        {
            return false;
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        int prefix;
        if (prefixText is null)
        {
            prefix = bits;
        }
        else if (prefixText.Length > 0 && prefixText.All(char.IsAsciiDigit))
        {
            if (!int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits)
            {
                return false;
            }
        }
        else if (bits == 32 && TryParseIPv4(prefixText, out var mask) && TryMaskToPrefix(mask, out prefix))
        {
        }
        else
        {
            return false;
        }

        range = new ContestIpRange(Truncate(address, prefix), prefix);
        return true;
    }

    /// <summary>Whether <paramref name="ip"/> (text, as stored in the session) lies in this network; IPv4-mapped IPv6 counts as IPv4.</summary>
    public bool Contains(string? ip)
    {
        if (string.IsNullOrWhiteSpace(ip) || !IPAddress.TryParse(ip.Trim(), out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            address.ScopeId = 0;
        }

        return address.AddressFamily == Network.AddressFamily && Truncate(address, PrefixLength).Equals(Network);
    }

    /// <summary>contest.md §0.4: an empty list allows everyone; otherwise the IP must be inside one parsable range.</summary>
    public static bool IsAllowed(IReadOnlyCollection<string> ranges, string? ip) =>
        ranges.Count == 0 || ranges.Any(text => TryParse(text, out var range) && range.Contains(ip));

    private static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (text.Contains(':', StringComparison.Ordinal))
        {
            if (text.Contains('%', StringComparison.Ordinal) || text.Contains('[', StringComparison.Ordinal) || !IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }

            address = parsed;
            return true;
        }

        if (!TryParseIPv4(text, out var value))
        {
            return false;
        }

        address = new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
        return true;
    }

    /// <summary>Strict dotted quad: four decimal octets 0–255 without leading zeros, as Python's ipaddress accepts.</summary>
    private static bool TryParseIPv4(string text, out uint value)
    {
        value = 0;
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0'))
            {
                return false;
            }

            var octet = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
            if (octet > 255)
            {
                return false;
            }

            value = (value << 8) | (uint)octet;
        }

        return true;
    }

    private static bool TryMaskToPrefix(uint mask, out int prefix)
    {
        // Netmask (leading ones) or hostmask (leading zeros then ones), as Python accepts both.
        var ones = BitOperations.PopCount(mask);
        if (mask == (ones == 0 ? 0u : uint.MaxValue << (32 - ones)))
        {
            prefix = ones;
            return true;
        }

        var inverted = ~mask;
        var hostOnes = BitOperations.PopCount(inverted);
        if (inverted == (hostOnes == 0 ? 0u : uint.MaxValue << (32 - hostOnes)))
        {
            prefix = hostOnes;
            return true;
        }

        prefix = 0;
        return false;
    }

    private static IPAddress Truncate(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new IPAddress(bytes);
    }
}
