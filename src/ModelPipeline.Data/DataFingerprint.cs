using System.Security.Cryptography;
using System.Text;

namespace ModelPipeline.Data;

/// <summary>The content hashes of a pipeline's data files: what decides whether data changed.</summary>
public sealed record DataFingerprint(IReadOnlyList<DataFileHash> Files)
{
    /// <summary>One sha256 over every file's name and hash, in order.</summary>
    public string Combined
    {
        get
        {
            var text = string.Join("\n", Files.Select(f => $"{f.Name}:{f.Sha256}"));
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        }
    }

    public static DataFingerprint Of(IEnumerable<string> paths) =>
        new(paths.Select(p => new DataFileHash(Path.GetFileName(p), HashFile(p), new FileInfo(p).Length)).ToArray());

    public static string HashFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
