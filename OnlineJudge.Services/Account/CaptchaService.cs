using System.Security.Cryptography;
using OnlineJudge.Services.Resilience;
using SkiaSharp;
using StackExchange.Redis;

namespace OnlineJudge.Services.Account;

/// <summary>
/// The legacy captcha (utils.md §3): a 4-character code on a 90×30 image, valid 60 seconds, single use, compared
/// case-insensitively. Its consumers (password reset) are called by anonymous visitors who have no session, so the code
/// is kept in Redis under <c>captcha:&lt;id&gt;</c>, the id travelling in an HttpOnly cookie; this works for every web
/// instance and never creates a session for an anonymous visitor. The image is drawn with a built-in dot-matrix font, so
/// it does not depend on fonts installed on the server.
/// </summary>
public class CaptchaService(RedisGuard redis)
{
    public const string Alphabet = "abcdefghkmnpqrstuvwxyzABCDEFGHGKMNOPQRSTUVWXYZ23456789";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    private const int Width = 90;
    private const int Height = 30;
    private const int Scale = 3;
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>5×7 glyphs of the upper-case letters and digits the alphabet uses (rows top to bottom, 5 bits each).</summary>
    private static readonly Dictionary<char, int[]> Glyphs = new()
    {
        ['A'] = [0b01110, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001],
        ['B'] = [0b11110, 0b10001, 0b10001, 0b11110, 0b10001, 0b10001, 0b11110],
        ['C'] = [0b01110, 0b10001, 0b10000, 0b10000, 0b10000, 0b10001, 0b01110],
        ['D'] = [0b11110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b11110],
        ['E'] = [0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b11111],
        ['F'] = [0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b10000],
        ['G'] = [0b01110, 0b10001, 0b10000, 0b10111, 0b10001, 0b10001, 0b01111],
        ['H'] = [0b10001, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001],
        ['K'] = [0b10001, 0b10010, 0b10100, 0b11000, 0b10100, 0b10010, 0b10001],
        ['M'] = [0b10001, 0b11011, 0b10101, 0b10101, 0b10001, 0b10001, 0b10001],
        ['N'] = [0b10001, 0b10001, 0b11001, 0b10101, 0b10011, 0b10001, 0b10001],
        ['O'] = [0b01110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110],
        ['P'] = [0b11110, 0b10001, 0b10001, 0b11110, 0b10000, 0b10000, 0b10000],
        ['Q'] = [0b01110, 0b10001, 0b10001, 0b10001, 0b10101, 0b10010, 0b01101],
        ['R'] = [0b11110, 0b10001, 0b10001, 0b11110, 0b10100, 0b10010, 0b10001],
        ['S'] = [0b01111, 0b10000, 0b10000, 0b01110, 0b00001, 0b00001, 0b11110],
        ['T'] = [0b11111, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100],
        ['U'] = [0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110],
        ['V'] = [0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01010, 0b00100],
        ['W'] = [0b10001, 0b10001, 0b10001, 0b10101, 0b10101, 0b10101, 0b01010],
        ['X'] = [0b10001, 0b10001, 0b01010, 0b00100, 0b01010, 0b10001, 0b10001],
        ['Y'] = [0b10001, 0b10001, 0b01010, 0b00100, 0b00100, 0b00100, 0b00100],
        ['Z'] = [0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b10000, 0b11111],
        ['2'] = [0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0b01000, 0b11111],
        ['3'] = [0b11111, 0b00010, 0b00100, 0b00010, 0b00001, 0b10001, 0b01110],
        ['4'] = [0b00010, 0b00110, 0b01010, 0b10010, 0b11111, 0b00010, 0b00010],
        ['5'] = [0b11111, 0b10000, 0b11110, 0b00001, 0b00001, 0b10001, 0b01110],
        ['6'] = [0b00110, 0b01000, 0b10000, 0b11110, 0b10001, 0b10001, 0b01110],
        ['7'] = [0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b01000, 0b01000],
        ['8'] = [0b01110, 0b10001, 0b10001, 0b01110, 0b10001, 0b10001, 0b01110],
        ['9'] = [0b01110, 0b10001, 0b10001, 0b01111, 0b00001, 0b00010, 0b01100],
    };

    public static bool IsWellFormedId(string? id) =>
        id is { Length: 32 } && id.All(c => IdAlphabet.Contains(c, StringComparison.Ordinal));

    /// <summary>A new code under a new id (the previous code, if any, is dropped); returns the id and the image data URL.</summary>
    public async Task<(string Id, string DataUrl)> CreateAsync(string? previousId)
    {
        var code = new string(RandomNumberGenerator.GetItems<char>(Alphabet, 4));
        var id = RandomNumberGenerator.GetString(IdAlphabet, 32);
        if (IsWellFormedId(previousId))
        {
            await redis.RunAsync(db => db.KeyDeleteAsync(Key(previousId!)));
        }

        await redis.RunAsync(db => db.StringSetAsync(Key(id), code, Lifetime));
        return (id, "data:image/png;base64," + Convert.ToBase64String(Render(code)));
    }

    /// <summary>Checks an answer; the code is consumed by every check, right or wrong.</summary>
    public async Task<bool> CheckAsync(string? id, string? answer)
    {
        if (!IsWellFormedId(id))
        {
            return false;
        }

        var stored = await redis.RunAsync(db => db.StringGetDeleteAsync(Key(id!)));
        return !stored.IsNullOrEmpty && !string.IsNullOrEmpty(answer)
            && string.Equals(stored.ToString(), answer.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The code as a PNG: light random background, dark dot-matrix characters, each shifted and tilted, noise lines.</summary>
    public static byte[] Render(string code)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor((byte)RandomNumberGenerator.GetInt32(200, 256), (byte)RandomNumberGenerator.GetInt32(200, 256),
            (byte)RandomNumberGenerator.GetInt32(200, 256)));
        using var ink = new SKPaint
        {
            Color = new SKColor((byte)RandomNumberGenerator.GetInt32(0, 50), (byte)RandomNumberGenerator.GetInt32(0, 50),
                (byte)RandomNumberGenerator.GetInt32(0, 50)),
            IsAntialias = true,
        };

        for (var i = 0; i < code.Length; i++)
        {
            var glyph = Glyphs[char.ToUpperInvariant(code[i])];
            float x = 5 + (i * 21) + RandomNumberGenerator.GetInt32(0, 4);
            float y = 2 + RandomNumberGenerator.GetInt32(0, 6);
            canvas.Save();
            canvas.RotateDegrees(RandomNumberGenerator.GetInt32(-12, 13), x + 7, y + 10);
            for (var row = 0; row < glyph.Length; row++)
            {
                for (var column = 0; column < 5; column++)
                {
                    if ((glyph[row] & (1 << (4 - column))) != 0)
                    {
                        canvas.DrawRect(x + (column * Scale), y + (row * Scale), Scale, Scale, ink);
                    }
                }
            }

            canvas.Restore();
        }

        using var noise = new SKPaint { Color = ink.Color.WithAlpha(140), StrokeWidth = 1, IsAntialias = true };
        for (var i = 0; i < 3; i++)
        {
            canvas.DrawLine(RandomNumberGenerator.GetInt32(0, Width), RandomNumberGenerator.GetInt32(0, Height),
                RandomNumberGenerator.GetInt32(0, Width), RandomNumberGenerator.GetInt32(0, Height), noise);
        }

        for (var i = 0; i < 40; i++)
        {
            canvas.DrawPoint(RandomNumberGenerator.GetInt32(0, Width), RandomNumberGenerator.GetInt32(0, Height), noise);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static RedisKey Key(string id) => "captcha:" + id;
}
