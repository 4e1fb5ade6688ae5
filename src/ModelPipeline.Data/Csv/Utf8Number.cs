using System.Globalization;

namespace ModelPipeline.Data.Csv;

/// <summary>
/// Parses a UTF-8 number. Plain decimals with at most 15 significant digits and 22 decimals (the
/// common case) are computed exactly as mantissa / 10^k, which is correctly rounded because both are
/// exact doubles; anything else (exponents, long mantissas, "Infinity") goes to <see cref="double.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider?, out double)"/>.
/// </summary>
internal static class Utf8Number
{
    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    public static bool TryParse(ReadOnlySpan<byte> text, out double value)
    {
        var i = 0;
        var negative = false;
        if (text.Length > 0 && (text[0] == (byte)'-' || text[0] == (byte)'+'))
        {
            negative = text[0] == (byte)'-';
            i++;
        }

        ulong mantissa = 0;
        var significant = 0;
        var digits = 0;
        for (; i < text.Length; i++)
        {
            var d = (uint)(text[i] - '0');
            if (d > 9)
            {
                break;
            }

            mantissa = (mantissa * 10) + d;
            digits++;
            if (mantissa != 0)
            {
                significant++;
            }
        }

        var decimals = 0;
        if (i < text.Length && text[i] == (byte)'.')
        {
            for (i++; i < text.Length; i++)
            {
                var d = (uint)(text[i] - '0');
                if (d > 9)
                {
                    break;
                }

                mantissa = (mantissa * 10) + d;
                digits++;
                decimals++;
                if (mantissa != 0)
                {
                    significant++;
                }
            }
        }

        if (i != text.Length || digits == 0 || significant > 15 || decimals > 22)
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }

        value = decimals == 0 ? mantissa : mantissa / PowersOfTen[decimals];
        if (negative)
        {
            value = -value;
        }

        return true;
    }
}
