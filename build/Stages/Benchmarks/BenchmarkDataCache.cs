using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using ModelPipeline.Data;
using ModelPipeline.Targets;

namespace ModelPipeline.Build;

/// <summary>
/// The benchmark's large data set, fetched once into a cache folder: flights-3m.parquet (3M US flights, Jan–Jun 2001,
/// BSD-3-Clause) from the npm package vega-datasets 3.2.1 (<c>npm pack</c>, the file taken out of the package's
/// tarball), kept only when its sha256 is the one recorded here. The small data sets come from the repository.
/// </summary>
internal sealed class BenchmarkDataCache(string cacheDirectory, BuildLog log)
{
    public const string Package = "vega-datasets";
    public const string Version = "3.2.1";
    public const string FlightsFile = "flights-3m.parquet";
    public const string FlightsSha256 = "dbeb920c90f59b6ccaff823dcc3d08f25a97fa1ce128d93f40be4e931f5900b0";

    /// <summary>~/.cache/modelpipeline (or $XDG_CACHE_HOME/modelpipeline): shared by every clone of the user.</summary>
    public static string DefaultDirectory =>
        Path.Combine(
            Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
            "modelpipeline");

    /// <summary>The path of flights-3m.parquet, fetched (and checked) on first use.</summary>
    public string Flights()
    {
        var folder = Path.Combine(cacheDirectory, $"{Package}-{Version}");
        var target = Path.Combine(folder, FlightsFile);
        if (File.Exists(target) && DataFingerprint.HashFile(target) == FlightsSha256)
        {
            return target;
        }

        Directory.CreateDirectory(folder);
        var work = Path.Combine(folder, $".fetch-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            log.Information($"Fetching {FlightsFile} from the npm package {Package}@{Version} into {folder}");
            var tarball = Pack(work);
            var temp = Path.Combine(work, FlightsFile);
            Extract(tarball, $"package/data/{FlightsFile}", temp);
            var sha = DataFingerprint.HashFile(temp);
            if (sha != FlightsSha256)
            {
                throw new InvalidOperationException($"{Package}@{Version}: {FlightsFile} has sha256 {sha}, expected {FlightsSha256}; not used");
            }

            File.Move(temp, target, overwrite: true);
            return target;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Runs <c>npm pack</c> in <paramref name="work"/> and returns the tarball it wrote.</summary>
    private static string Pack(string work)
    {
        var info = new ProcessStartInfo("npm", ["pack", $"{Package}@{Version}", "--silent"])
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"npm is needed to fetch {Package}@{Version} (Debian: apt-get install npm)");
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm pack {Package}@{Version} failed (exit {process.ExitCode}): {error.Result.Trim()}");
            }
        }

        return Directory.GetFiles(work, "*.tgz").Single();
    }

    private static void Extract(string tarball, string entryName, string destination)
    {
        using var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name == entryName && entry.DataStream is { } data)
            {
                using var file = File.Create(destination);
                data.CopyTo(file);
                return;
            }
        }

        throw new InvalidOperationException($"{Package}@{Version} has no {entryName}");
    }
}
