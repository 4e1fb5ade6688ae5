using System.Buffers.Binary;
using System.Text;

namespace ModelPipeline.Containers.Engine;

/// <summary>Reads the engine's multiplexed log stream: frames of [stream, 0, 0, 0, big-endian u32 length] + payload.</summary>
public static class LogFrames
{
    public static string Demultiplex(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        while (bytes.Length >= 8 && bytes[0] is 0 or 1 or 2 && bytes[1] == 0 && bytes[2] == 0 && bytes[3] == 0)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes[4..8]);
            var end = Math.Min(bytes.Length, 8 + length);
            text.Append(Encoding.UTF8.GetString(bytes[8..end]));
            bytes = bytes[end..];
        }

        if (!bytes.IsEmpty)
        {
            text.Append(Encoding.UTF8.GetString(bytes)); // a TTY container's raw stream
        }

        return text.ToString();
    }
}
