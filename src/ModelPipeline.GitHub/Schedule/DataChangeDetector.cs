using System.Security.Cryptography;

namespace ModelPipeline.GitHub;

/// <summary>
/// Notices when any of a pipeline's data files changes between polls: size and mtime first, sha256 only when those
/// moved (so touching a file without changing it is not a change). The first poll records the baseline.
/// </summary>
public sealed class DataChangeDetector(IReadOnlyList<string> files)
{
    readonly Dictionary<string, (long Length, DateTime Modified, string Hash)> _seen = new(StringComparer.Ordinal);
    bool _primed;

    /// <summary>The files whose content changed (or appeared/disappeared) since the previous poll; empty on the first poll.</summary>
    public IReadOnlyList<string> Poll()
    {
        var changed = new List<string>();
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            var had = _seen.TryGetValue(file, out var before);
            if (!info.Exists)
            {
                if (had)
                {
                    _seen.Remove(file);
                    changed.Add(file);
                }

                continue;
            }

            if (had && before.Length == info.Length && before.Modified == info.LastWriteTimeUtc)
            {
                continue;
            }

            var hash = Hash(file);
            _seen[file] = (info.Length, info.LastWriteTimeUtc, hash);
            if (!had ? _primed : before.Hash != hash)
            {
                changed.Add(file);
            }
        }

        _primed = true;
        return changed;
    }

    static string Hash(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
