using System.Diagnostics;

namespace ModelPipeline.Containers.Images;

/// <summary>
/// The offline base: the shared libraries <c>ldd</c> names for the server executable (glibc, libstdc++, libgcc_s, the
/// loader) and the OpenSSL libraries .NET loads at run time, copied from this machine into the image at the paths the
/// executable looks for them, plus an empty /tmp.
/// No downloads: what makes a FROM-scratch image run a self-contained .NET server.
/// </summary>
public static class OfflineBaseLayer
{
    /// <summary>
    /// Libraries the .NET runtime loads with dlopen, so ldd cannot name them: OpenSSL (System.Security.Cryptography,
    /// e.g. SHA-256 of the model file, and Kestrel). The first soname found on this machine wins.
    /// </summary>
    public static readonly IReadOnlyList<string[]> DynamicallyLoaded = [["libssl.so.3", "libssl.so.1.1"], ["libcrypto.so.3", "libcrypto.so.1.1"]];

    private static readonly string[] LibraryDirectories =
        ["/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib"];

    /// <summary>
    /// The files for <paramref name="executables"/> — what ldd names, plus <see cref="DynamicallyLoaded"/> (when
    /// <paramref name="includeDynamicallyLoaded"/>) and their own dependencies — as (path on this machine, absolute
    /// path in the image), sorted by image path.
    /// </summary>
    public static IReadOnlyList<RootFsFile> Collect(IEnumerable<string> executables, bool includeDynamicallyLoaded = true)
    {
        var files = new SortedDictionary<string, RootFsFile>(StringComparer.Ordinal);
        var anyDynamic = false;
        foreach (var executable in executables)
        {
            if (!File.Exists(executable))
            {
                throw new ImageBuildException($"cannot collect the offline base: {executable} does not exist");
            }

            foreach (var library in Ldd(executable))
            {
                anyDynamic = true;
                files.TryAdd(library, new RootFsFile(library, library));
            }
        }

        if (includeDynamicallyLoaded && anyDynamic)
        {
            foreach (var alternatives in DynamicallyLoaded)
            {
                var found = alternatives.SelectMany(name => LibraryDirectories.Select(d => Path.Combine(d, name))).FirstOrDefault(File.Exists);
                if (found is null)
                {
                    continue; // The server then fails at start with "No usable version of libssl"; the smoke test says so.
                }

                files.TryAdd(found, new RootFsFile(found, found));
                foreach (var library in Ldd(found))
                {
                    files.TryAdd(library, new RootFsFile(library, library));
                }
            }
        }

        return [.. files.Values];
    }

    /// <summary>Absolute library paths from <c>ldd</c>'s output; empty for a static executable.</summary>
    internal static IReadOnlyList<string> ParseLdd(string output)
    {
        var paths = new List<string>();
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.Trim();
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            var candidate = arrow >= 0 ? line[(arrow + 2)..].Trim() : line;
            var space = candidate.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0)
            {
                candidate = candidate[..space];
            }

            if (candidate.StartsWith('/'))
            {
                paths.Add(candidate);
            }
            else if (arrow >= 0 && candidate == "not")
            {
                throw new ImageBuildException($"ldd cannot find a library the server needs: {line}");
            }
        }

        return paths;
    }

    private static IReadOnlyList<string> Ldd(string executable)
    {
        var start = new ProcessStartInfo("ldd") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(executable);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ImageBuildException("could not start ldd");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ImageBuildException($"ldd is not available to collect the offline base ({e.Message}); pass a base image instead", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            var output = stdout.Result;
            if (process.ExitCode != 0)
            {
                // A static executable: "not a dynamic executable" (exit 1). Anything else is a real failure.
                return (output + stderr).Contains("not a dynamic executable", StringComparison.Ordinal)
                    ? []
                    : throw new ImageBuildException($"ldd {executable} failed: {(stderr + output).Trim()}");
            }

            return ParseLdd(output);
        }
    }
}
