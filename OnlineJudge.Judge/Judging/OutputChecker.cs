using System.Security.Cryptography;
using System.Text;

namespace OnlineJudge.Judge.Judging;

/// <summary>Compares a program's output like upstream: MD5 of the bytes with trailing ASCII whitespace removed (Python's <c>bytes.rstrip()</c>).</summary>
public static class OutputChecker
{
    private const int ChunkBytes = 64 * 1024;

    public static async Task<string> StrippedMd5Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var end = await StrippedEndAsync(stream, cancellationToken);
        stream.Position = 0;
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[ChunkBytes];
        var remaining = end;
        while (remaining > 0)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken);
            if (read == 0)
            {
                break;
            }

            md5.AppendData(buffer, 0, read);
            remaining -= read;
        }

        return Convert.ToHexStringLower(md5.GetHashAndReset());
    }

    public static int StrippedLength(ReadOnlySpan<byte> content)
    {
        var end = content.Length;
        while (end > 0 && IsWhitespace(content[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>The output as text for <c>"output": true</c>: UTF-8, each invalid byte written as <c>\xNN</c> (Python's backslashreplace).</summary>
    public static string DecodeForDisplay(byte[] content) => BackslashReplacingUtf8.GetString(content);

    private static readonly Encoding BackslashReplacingUtf8 = Encoding.GetEncoding("utf-8", EncoderFallback.ReplacementFallback, new BackslashReplaceFallback());

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0b or 0x0c;

    /// <summary>Finds where the output ends once trailing whitespace is cut, reading backwards from the end.</summary>
    private static async Task<long> StrippedEndAsync(FileStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[ChunkBytes];
        var end = stream.Length;
        while (end > 0)
        {
            var start = Math.Max(0, end - buffer.Length);
            var count = (int)(end - start);
            stream.Position = start;
            await stream.ReadExactlyAsync(buffer.AsMemory(0, count), cancellationToken);
            var kept = StrippedLength(buffer.AsSpan(0, count));
            if (kept > 0)
            {
                return start + kept;
            }

            end = start;
        }

        return 0;
    }

    private sealed class BackslashReplaceFallback : DecoderFallback
    {
        public override int MaxCharCount => 16;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        private sealed class Buffer : DecoderFallbackBuffer
        {
            private string pending = "";
            private int position;

            public override int Remaining => pending.Length - position;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                var builder = new StringBuilder(bytesUnknown.Length * 4);
                foreach (var b in bytesUnknown)
                {
                    builder.Append("\\x").Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                }

                pending = builder.ToString();
                position = 0;
                return pending.Length > 0;
            }

            public override char GetNextChar() => position < pending.Length ? pending[position++] : '\0';

            public override bool MovePrevious()
            {
                if (position == 0)
                {
                    return false;
                }

                position--;
                return true;
            }

            public override void Reset()
            {
                pending = "";
                position = 0;
            }
        }
    }
}
