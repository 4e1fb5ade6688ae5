using System.Security.Cryptography;

namespace ModelPipeline.Registry;

/// <summary>File writes that reach the disk (fsync) before they are renamed into place.</summary>
internal static class DurableFile
{
    /// <summary>Writes <paramref name="bytes"/> to a new file and fsyncs it.</summary>
    public static void WriteNew(string path, ReadOnlySpan<byte> bytes)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Replaces <paramref name="path"/> atomically: write a sibling temp file, fsync, rename over the target.</summary>
    public static void Replace(string path, ReadOnlySpan<byte> bytes)
    {
        var directory = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(directory, $"{RegistryPaths.TempPrefix}{Path.GetFileName(path)}-{Guid.NewGuid():N}");
        try
        {
            WriteNew(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
