using System.Security.Cryptography;

namespace OnlineJudge.Services.Common;

/// <summary>The reference's <c>rand_str</c> (utils.md): ids, keys, tokens and upload names.</summary>
public static class RandomStrings
{
    private const string Hex = "0123456789abcdef";
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string LowerLetters = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string Digits = "0123456789";

    /// <summary>Lowercase hex whose first character is never <c>0</c> (submission ids, API keys, file names).</summary>
    public static string LowerHex(int length = 32) =>
        RandomNumberGenerator.GetString(Hex.AsSpan(1), 1) + RandomNumberGenerator.GetString(Hex, length - 1);

    public static string Str(int length = 32) => RandomNumberGenerator.GetString(Letters, length);

    public static string LowerStr(int length = 32) => RandomNumberGenerator.GetString(LowerLetters, length);

    /// <summary>Digits whose first is never <c>0</c>.</summary>
    public static string Num(int length) =>
        RandomNumberGenerator.GetString(Digits.AsSpan(1), 1) + RandomNumberGenerator.GetString(Digits, length - 1);
}
