namespace ModelPipeline.Data;

/// <summary>
/// A numeric column's values in the narrowest type that holds every one of them exactly: bytes (whole numbers
/// 0–254), 16-bit (0–65,534), single or double precision. Missing values are NaN, or the type's largest value for
/// bytes and 16-bit.
/// </summary>
internal static class NumericStorage
{
    private const byte ByteMissing = byte.MaxValue;
    private const ushort UInt16Missing = ushort.MaxValue;

    public static Array Compact(double[] values)
    {
        bool bytes = true, shorts = true, singles = true;
        foreach (var value in values)
        {
            if (double.IsNaN(value))
            {
                continue;
            }

            var whole = value >= 0 && value < UInt16Missing && value == Math.Floor(value) && !double.IsNegative(value);
            bytes &= whole && value < ByteMissing;
            shorts &= whole;
            singles &= (double)(float)value == value;
            if (!singles)
            {
                return values;
            }
        }

        if (bytes)
        {
            var narrow = new byte[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                narrow[i] = double.IsNaN(values[i]) ? ByteMissing : (byte)values[i];
            }

            return narrow;
        }

        if (shorts)
        {
            var narrow = new ushort[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                narrow[i] = double.IsNaN(values[i]) ? UInt16Missing : (ushort)values[i];
            }

            return narrow;
        }

        var floats = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            floats[i] = (float)values[i];
        }

        return floats;
    }

    public static double Get(Array store, int row) => store switch
    {
        byte[] b => b[row] == ByteMissing ? double.NaN : b[row],
        ushort[] s => s[row] == UInt16Missing ? double.NaN : s[row],
        float[] f => f[row],
        _ => ((double[])store)[row],
    };

    public static double[] ToDoubles(Array store)
    {
        if (store is double[] doubles)
        {
            return (double[])doubles.Clone();
        }

        var values = new double[store.Length];
        switch (store)
        {
            case byte[] b:
                for (var i = 0; i < b.Length; i++)
                {
                    values[i] = b[i] == ByteMissing ? double.NaN : b[i];
                }

                break;
            case ushort[] s:
                for (var i = 0; i < s.Length; i++)
                {
                    values[i] = s[i] == UInt16Missing ? double.NaN : s[i];
                }

                break;
            default:
                var f = (float[])store;
                for (var i = 0; i < f.Length; i++)
                {
                    values[i] = f[i];
                }

                break;
        }

        return values;
    }

    public static Array Take(Array store, ReadOnlySpan<int> rows) => store switch
    {
        byte[] b => Take(b, rows),
        ushort[] s => Take(s, rows),
        float[] f => Take(f, rows),
        _ => Take((double[])store, rows),
    };

    public static int BytesPerValue(Array store) => store switch
    {
        byte[] => 1,
        ushort[] => 2,
        float[] => 4,
        _ => 8,
    };

    private static T[] Take<T>(T[] source, ReadOnlySpan<int> rows)
    {
        var values = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            values[i] = source[rows[i]];
        }

        return values;
    }
}
