using System.Buffers.Binary;

namespace ModelPipeline.Data.Columnar;

/// <summary>
/// Walks a Parquet file's footer (Thrift compact protocol) with every read bounded by the footer's length, before
/// Parquet.Net parses it: Parquet.Net 6.1.0 can spin forever on some corrupt footers (found by fuzzing; its
/// ThriftCompactProtocolReader keeps reading past a damaged structure), so a footer that is not one well-formed
/// struct ending exactly at its end is refused here as corrupt.
/// </summary>
internal static class ThriftFooterCheck
{
    private const int MaxDepth = 64;

    /// <summary>The reason the file's footer is not well-formed, or null when it is.</summary>
    public static string? Problem(string path)
    {
        using var file = File.OpenRead(path);
        if (file.Length < 12)
        {
            return "shorter than a Parquet header and footer";
        }

        Span<byte> tail = stackalloc byte[8];
        file.Seek(-8, SeekOrigin.End);
        file.ReadExactly(tail);
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (!tail[4..].SequenceEqual("PAR1"u8))
        {
            return null; // not Parquet at all: Parquet.Net says so itself
        }

        if (footerLength <= 0 || footerLength > file.Length - 12)
        {
            return $"its footer length ({footerLength} bytes) does not fit the file ({file.Length} bytes)";
        }

        var footer = new byte[footerLength];
        file.Seek(-8 - footerLength, SeekOrigin.End);
        file.ReadExactly(footer);
        var position = 0;
        return Struct(footer, ref position, 0) && position == footer.Length ? null : "its footer metadata is corrupt";
    }

    private static bool Struct(ReadOnlySpan<byte> data, ref int position, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        while (true)
        {
            if (position >= data.Length)
            {
                return false;
            }

            var header = data[position++];
            if (header == 0)
            {
                return true;
            }

            if (header >> 4 == 0 && !VarInt(data, ref position))
            {
                return false;
            }

            if (!Value(data, ref position, header & 0x0F, depth))
            {
                return false;
            }
        }
    }

    private static bool Value(ReadOnlySpan<byte> data, ref int position, int type, int depth)
    {
        switch (type)
        {
            case 1 or 2:
                return true;
            case 3:
                return Skip(data, ref position, 1);
            case 4 or 5 or 6:
                return VarInt(data, ref position);
            case 7:
                return Skip(data, ref position, 8);
            case 8:
                return Length(data, ref position, out var length) && Skip(data, ref position, length);
            case 9 or 10:
                return List(data, ref position, depth);
            case 11:
                return Map(data, ref position, depth);
            case 12:
                return Struct(data, ref position, depth + 1);
            case 13:
                return Skip(data, ref position, 16);
            default:
                return false;
        }
    }

    private static bool List(ReadOnlySpan<byte> data, ref int position, int depth)
    {
        if (position >= data.Length)
        {
            return false;
        }

        var header = data[position++];
        var count = header >> 4;
        if (count == 15 && !Length(data, ref position, out count))
        {
            return false;
        }

        // Every element takes at least one byte (booleans in lists too), so a count past the footer is corrupt.
        if (count > data.Length - position)
        {
            return false;
        }

        var element = header & 0x0F;
        for (var i = 0; i < count; i++)
        {
            if (element is 1 or 2 ? !Skip(data, ref position, 1) : !Value(data, ref position, element, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Map(ReadOnlySpan<byte> data, ref int position, int depth)
    {
        if (!Length(data, ref position, out var count))
        {
            return false;
        }

        if (count == 0)
        {
            return true;
        }

        if (position >= data.Length || count > data.Length - position)
        {
            return false;
        }

        var types = data[position++];
        for (var i = 0; i < count; i++)
        {
            if (!Value(data, ref position, types >> 4, depth + 1) || !Value(data, ref position, types & 0x0F, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Length(ReadOnlySpan<byte> data, ref int position, out int length)
    {
        length = 0;
        ulong value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (position >= data.Length)
            {
                return false;
            }

            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                if (value > int.MaxValue)
                {
                    return false;
                }

                length = (int)value;
                return true;
            }
        }

        return false;
    }

    private static bool VarInt(ReadOnlySpan<byte> data, ref int position)
    {
        for (var i = 0; i < 10; i++)
        {
            if (position >= data.Length)
            {
                return false;
            }

            if ((data[position++] & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Skip(ReadOnlySpan<byte> data, ref int position, int count)
    {
        if (count < 0 || count > data.Length - position)
        {
            return false;
        }

        position += count;
        return true;
    }
}
