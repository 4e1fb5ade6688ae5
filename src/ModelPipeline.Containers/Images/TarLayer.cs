using System.Formats.Tar;

namespace ModelPipeline.Containers.Images;

/// <summary>Writes entries as a reproducible tar: given order, fixed mtime, uid/gid 0, no user names.</summary>
internal static class TarLayer
{
    /// <summary>The timestamp every entry gets (SOURCE_DATE_EPOCH when set, else 1970-01-01).</summary>
    public static DateTimeOffset Timestamp { get; } =
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), out var epoch)
            ? DateTimeOffset.FromUnixTimeSeconds(epoch)
            : DateTimeOffset.UnixEpoch;

    public static async Task WriteAsync(Stream output, IEnumerable<ImageEntry> entries, CancellationToken cancellationToken)
    {
        await using var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        foreach (var entry in entries)
        {
            var tarEntry = new PaxTarEntry(entry.IsDirectory ? TarEntryType.Directory : TarEntryType.RegularFile,
                entry.IsDirectory ? entry.Path + "/" : entry.Path)
            {
                Mode = entry.Mode,
                ModificationTime = Timestamp,
                Uid = 0,
                Gid = 0,
            };
            if (entry.IsDirectory)
            {
                await writer.WriteEntryAsync(tarEntry, cancellationToken);
                continue;
            }

            await using var data = new FileStream(entry.HostPath!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            tarEntry.DataStream = data;
            await writer.WriteEntryAsync(tarEntry, cancellationToken);
        }
    }
}
