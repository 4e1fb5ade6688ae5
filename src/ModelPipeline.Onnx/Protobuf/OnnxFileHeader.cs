using System.Globalization;
using System.Text;

namespace ModelPipeline.Onnx.Protobuf;

/// <summary>
/// The top-level fields of an ONNX ModelProto that say what made it: IR version (field 1), producer name and version
/// (2, 3) and the operator sets it imports (8: domain, version). OnnxRuntime's metadata API exposes the producer but
/// not the opsets, so the registry's lineage reads them here; every other field is skipped unread.
/// </summary>
internal sealed record OnnxFileHeader(long IrVersion, string Producer, string ProducerVersion, IReadOnlyList<(string Domain, long Version)> Opsets)
{
    /// <summary>The opsets as lineage text, e.g. <c>ai.onnx 15, ai.onnx.ml 3</c> (the default domain written ai.onnx).</summary>
    public string OpsetText => string.Join(", ", Opsets.Select(o => $"{(o.Domain.Length == 0 ? "ai.onnx" : o.Domain)} {o.Version.ToString(CultureInfo.InvariantCulture)}"));

    /// <exception cref="OnnxModelException">The bytes are not a protocol-buffers message.</exception>
    public static OnnxFileHeader Read(ReadOnlySpan<byte> bytes)
    {
        long ir = 0;
        string producer = "", version = "";
        var opsets = new List<(string, long)>();
        var at = 0;
        while (at < bytes.Length)
        {
            var (field, wire) = Tag(bytes, ref at);
            if (wire == 0)
            {
                var value = (long)Varint(bytes, ref at);
                ir = field == 1 ? value : ir;
            }
            else if (wire == 2)
            {
                var body = Body(bytes, ref at);
                switch (field)
                {
                    case 2: producer = Encoding.UTF8.GetString(body); break;
                    case 3: version = Encoding.UTF8.GetString(body); break;
                    case 8: opsets.Add(Opset(body)); break;
                }
            }
            else
            {
                at += wire switch { 1 => 8, 5 => 4, _ => throw Invalid() };
            }
        }

        return new OnnxFileHeader(ir, producer, version, opsets);
    }

    private static (string, long) Opset(ReadOnlySpan<byte> bytes)
    {
        var (domain, version, at) = ("", 0L, 0);
        while (at < bytes.Length)
        {
            var (field, wire) = Tag(bytes, ref at);
            if (wire == 0)
            {
                var value = (long)Varint(bytes, ref at);
                version = field == 2 ? value : version;
            }
            else if (wire == 2)
            {
                var body = Body(bytes, ref at);
                domain = field == 1 ? Encoding.UTF8.GetString(body) : domain;
            }
            else
            {
                throw Invalid();
            }
        }

        return (domain, version);
    }

    private static (int Field, int Wire) Tag(ReadOnlySpan<byte> bytes, ref int at)
    {
        var tag = Varint(bytes, ref at);
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    private static ReadOnlySpan<byte> Body(ReadOnlySpan<byte> bytes, ref int at)
    {
        var length = Varint(bytes, ref at);
        if (length > (ulong)(bytes.Length - at))
        {
            throw Invalid();
        }

        var body = bytes.Slice(at, (int)length);
        at += (int)length;
        return body;
    }

    private static ulong Varint(ReadOnlySpan<byte> bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= bytes.Length)
            {
                throw Invalid();
            }

            var b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Invalid();
    }

    private static OnnxModelException Invalid() => new("not a valid ONNX model: the protocol-buffers encoding is broken");
}
