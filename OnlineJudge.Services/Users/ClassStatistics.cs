using System.Numerics;

namespace OnlineJudge.Services.Users;

/// <summary>The statistics of Python's <c>statistics</c> module and <c>round()</c> that class PK uses (account.md B3).</summary>
public static class ClassStatistics
{
    public static double Mean(IReadOnlyList<int> values) => values.Count == 0 ? 0 : values.Sum(v => (long)v) / (double)values.Count;

    /// <summary>Median of any order of values (the middle two averaged for an even count).</summary>
    public static double Median(IReadOnlyList<int> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + (double)sorted[middle]) / 2;
    }

    /// <summary>
    /// First and third quartile as <c>statistics.quantiles(values, n=4)</c> ("exclusive" method); at least two values.
    /// </summary>
    public static (double Q1, double Q3) Quartiles(IReadOnlyList<int> values)
    {
        var data = values.Order().ToList();
        var count = data.Count;
        var m = count + 1;
        double At(int i)
        {
            var j = Math.Clamp(i * m / 4, 1, count - 1);
            var delta = i * m - j * 4;
            return (data[j - 1] * (double)(4 - delta) + data[j] * (double)delta) / 4;
        }

        return (At(1), At(3));
    }

    /// <summary>Sample standard deviation (n − 1); at least two values.</summary>
    public static double SampleStdDev(IReadOnlyList<int> values)
    {
        var mean = Mean(values);
        var squares = values.Sum(v => (v - mean) * (v - mean));
        return Math.Sqrt(squares / (values.Count - 1));
    }

    /// <summary>
    /// Python's <c>round(value, digits)</c>: half-to-even on the exact binary value (so 2.675 → 2.67), computed exactly.
    /// </summary>
    public static double Round(double value, int digits)
    {
        if (!double.IsFinite(value) || value == 0)
        {
            return value;
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var negative = bits < 0;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075;
        var numerator = new BigInteger(mantissa) * BigInteger.Pow(10, digits);
        var denominator = BigInteger.One;
        if (exponent > 0)
        {
            numerator <<= exponent;
        }
        else
        {
            denominator <<= -exponent;
        }

        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        var twice = remainder * 2;
        if (twice > denominator || (twice == denominator && !quotient.IsEven))
        {
            quotient += 1;
        }

        var result = (double)quotient / Math.Pow(10, digits);
        return negative ? -result : result;
    }
}
