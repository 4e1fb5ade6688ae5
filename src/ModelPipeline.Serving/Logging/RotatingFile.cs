using System.Globalization;

namespace ModelPipeline.Serving.Logging;

/// <summary>
/// Appends to <c>{prefix}-NNNNNN.jsonl</c> in a directory, starting the next number when a file would exceed
/// <c>maxBytes</c>, and deleting the oldest so at most <c>keep</c> files remain. Numbers keep increasing across
/// restarts, so reading files in name order reads lines in time order. Not thread-safe: one writer.
/// </summary>
internal sealed class RotatingFile : IDisposable
{
    private readonly string _directory;
    private readonly string _prefix;
    private readonly long _maxBytes;
    private readonly int _keep;
    private FileStream? _current;
    private int _sequence;

    public RotatingFile(string directory, string prefix, long maxBytes, int keep)
    {
        _directory = directory;
        _prefix = prefix;
        _maxBytes = maxBytes;
        _keep = Math.Max(1, keep);
        Directory.CreateDirectory(directory);
        _sequence = Existing().Select(SequenceOf).DefaultIfEmpty(0).Max();
    }

    public string? CurrentPath => _current?.Name;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (_current is null || (_current.Length > 0 && _current.Length + bytes.Length > _maxBytes))
        {
            Rotate();
        }

        _current!.Write(bytes);
    }

    public void Flush() => _current?.Flush();

    public void Dispose() => _current?.Dispose();

    private void Rotate()
    {
        _current?.Dispose();
        _sequence++;
        var path = Path.Combine(_directory, $"{_prefix}-{_sequence.ToString("D6", CultureInfo.InvariantCulture)}.jsonl");
        _current = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16);
        foreach (var old in Existing().OrderByDescending(SequenceOf).Skip(_keep))
        {
            File.Delete(old);
        }
    }

    private IEnumerable<string> Existing() =>
        Directory.EnumerateFiles(_directory, $"{_prefix}-*.jsonl").Where(p => SequenceOf(p) > 0);

    private int SequenceOf(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return int.TryParse(name.AsSpan(_prefix.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }
}
