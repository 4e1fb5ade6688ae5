using System.Text;

namespace ModelPipeline.Registry;

/// <summary>
/// Append-only JSON-lines files. An append writes one whole line and fsyncs; a line torn by a crash (no trailing newline)
/// was never committed, so readers ignore it and the next append cuts it off first.
/// </summary>
internal static class JsonLines
{
    /// <summary>Appends one line; call only while holding the pipeline lock.</summary>
    public static void Append(string path, string line)
    {
        using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        TruncateTornTail(stream);
        stream.Seek(0, SeekOrigin.End);
        stream.Write(Encoding.UTF8.GetBytes(line + "\n"));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>The complete lines of the file (a torn last line is left out); empty when the file does not exist.</summary>
    public static IReadOnlyList<string> ReadCompleteLines(string path)
    {
        if (!File.Exists(path)) return [];
        var text = File.ReadAllText(path);
        var end = text.LastIndexOf('\n');
        if (end < 0) return [];
        return text[..end].Split('\n').Where(l => l.Length > 0).ToArray();
    }

    private static void TruncateTornTail(FileStream stream)
    {
        var length = stream.Length;
        if (length == 0) return;
        var window = (int)Math.Min(length, 1 << 20);
        var buffer = new byte[window];
        stream.Seek(length - window, SeekOrigin.Begin);
        stream.ReadExactly(buffer);
        if (buffer[^1] == (byte)'\n') return;
        var lastNewline = Array.LastIndexOf(buffer, (byte)'\n');
        var keep = lastNewline < 0 ? (window == length ? 0 : length - window) : length - window + lastNewline + 1;
        stream.SetLength(keep);
        stream.Flush(flushToDisk: true);
    }
}
