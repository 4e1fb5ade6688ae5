namespace ModelPipeline.Containers.Images;

/// <summary>Turns directories and the offline base into sorted <see cref="ImageEntry"/> lists under a path prefix.</summary>
internal static class ImageContent
{
    /// <summary>Every file and directory under <paramref name="hostDirectory"/>, as <paramref name="prefix"/>/relative path.</summary>
    public static List<ImageEntry> FromDirectory(string hostDirectory, string prefix)
    {
        if (!Directory.Exists(hostDirectory))
        {
            throw new ImageBuildException($"directory {hostDirectory} does not exist");
        }

        var entries = new List<ImageEntry> { new(prefix, null, ImageEntry.DirectoryMode) };
        foreach (var path in Directory.EnumerateFileSystemEntries(hostDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(hostDirectory, path).Replace('\\', '/');
            var name = prefix.Length == 0 ? relative : $"{prefix}/{relative}";
            if (Directory.Exists(path))
            {
                entries.Add(new ImageEntry(name, null, ImageEntry.DirectoryMode));
            }
            else
            {
                entries.Add(new ImageEntry(name, path, IsExecutable(path) ? ImageEntry.ExecutableMode : ImageEntry.FileMode));
            }
        }

        return Complete(entries);
    }

    /// <summary>The offline base's files plus an empty world-writable /tmp, under <paramref name="prefix"/>.</summary>
    public static List<ImageEntry> FromRootFs(IReadOnlyList<RootFsFile> files, string prefix)
    {
        string Under(string path) => prefix.Length == 0 ? path.TrimStart('/') : $"{prefix}/{path.TrimStart('/')}";
        var entries = new List<ImageEntry> { new(Under("tmp"), null, ImageEntry.TmpMode) };
        entries.AddRange(files.Select(f => new ImageEntry(Under(f.ImagePath), f.HostPath, ImageEntry.ExecutableMode)));
        if (prefix.Length > 0)
        {
            entries.Add(new ImageEntry(prefix, null, ImageEntry.DirectoryMode));
        }

        return Complete(entries);
    }

    /// <summary>Adds missing parent directories, drops duplicates and sorts by path (ordinal) so tars are reproducible.</summary>
    public static List<ImageEntry> Complete(IEnumerable<ImageEntry> entries)
    {
        var byPath = new SortedDictionary<string, ImageEntry>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.Path.Length > 0))
        {
            byPath.TryAdd(entry.Path, entry);
            var slash = entry.Path.LastIndexOf('/');
            while (slash > 0)
            {
                var parent = entry.Path[..slash];
                byPath.TryAdd(parent, new ImageEntry(parent, null, ImageEntry.DirectoryMode));
                slash = parent.LastIndexOf('/');
            }
        }

        return [.. byPath.Values];
    }

    private static bool IsExecutable(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
