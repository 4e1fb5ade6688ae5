using System.Buffers.Binary;
using System.Text;

namespace ModelPipeline.Onnx.Protobuf;

/// <summary>
/// Writes one protocol-buffers message field by field (the wire format: varints, length-delimited bytes and packed
/// repeated numbers); enough of it for the ONNX ModelProto subset this project writes. Fields are written in the
/// order they are added, so the same calls give the same bytes.
/// </summary>
internal sealed class ProtoMessage
{
    private const int VarintWire = 0;
    private const int LengthWire = 2;
    private const int Fixed32Wire = 5;

    private readonly MemoryStream _bytes = new();

    public ProtoMessage Int(int field, long value)
    {
        Tag(field, VarintWire);
        Varint((ulong)value);
        return this;
    }

    public ProtoMessage Float(int field, float value)
    {
        Tag(field, Fixed32Wire);
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(buffer, value);
        _bytes.Write(buffer);
        return this;
    }

    public ProtoMessage Text(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoMessage Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, LengthWire);
        Varint((ulong)value.Length);
        _bytes.Write(value);
        return this;
    }

    public ProtoMessage Message(int field, ProtoMessage message) => Bytes(field, message.ToArray());

    public ProtoMessage PackedInts(int field, IReadOnlyList<long> values)
    {
        var packed = new ProtoMessage();
        foreach (var value in values)
        {
            packed.Varint((ulong)value);
        }

        return Bytes(field, packed.ToArray());
    }

    public ProtoMessage PackedFloats(int field, IReadOnlyList<float> values)
    {
        var buffer = new byte[4 * values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(4 * i), values[i]);
        }

        return Bytes(field, buffer);
    }

    public ProtoMessage PackedDoubles(int field, IReadOnlyList<double> values)
    {
        var buffer = new byte[8 * values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(8 * i), values[i]);
        }

        return Bytes(field, buffer);
    }

    public byte[] ToArray() => _bytes.ToArray();

    private void Tag(int field, int wire) => Varint(((ulong)field << 3) | (uint)wire);

    private void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            _bytes.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        _bytes.WriteByte((byte)value);
    }
}
