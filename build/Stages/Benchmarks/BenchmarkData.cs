using System.Diagnostics;
using ModelPipeline.Data;
using ModelPipeline.Targets;

namespace ModelPipeline.Build;

/// <summary>
/// The frames the benchmark trains on: the small sets from the repository (data/, tests/data/), and flights from the
/// cached flights-3m.parquet (read once, its columns derived as <see cref="FlightsColumns"/> says).
/// </summary>
internal sealed class BenchmarkData(string repositoryRoot, BenchmarkDataCache cache, BuildLog log)
{
    /// <summary>Seconds to read flights-3m.parquet into a frame, and to derive the benchmark's columns from it.</summary>
    public (double Read, double Derive)? FlightsSeconds { get; private set; }

    /// <summary>The case's frame, or null (with a warning) when its file is not in the repository.</summary>
    public Frame? Load(BenchmarkCase benchmark)
    {
        if (benchmark.File is { } file)
        {
            var path = Path.Combine(repositoryRoot, file);
            if (!File.Exists(path))
            {
                log.Warning($"{benchmark.Name}: {file} is not in the repository; skipped");
                return null;
            }

            return CsvFrameReader.Read(path, new CsvReadOptions { Ignore = benchmark.Ignore.ToArray() });
        }

        return benchmark.Name == "flights" ? Flights() : throw new InvalidOperationException($"{benchmark.Name}: no file and no derivation");
    }

    /// <summary>Reads the cached flights file (fetching it first if need be) and derives the benchmark's columns; timed.</summary>
    public Frame Flights()
    {
        var path = cache.Flights();
        var read = Stopwatch.StartNew();
        var raw = ParquetFrameReader.Read(path, new CsvReadOptions { Ignore = [] });
        read.Stop();
        var derive = Stopwatch.StartNew();
        var flights = FlightsColumns.Derive(raw);
        derive.Stop();
        FlightsSeconds = (read.Elapsed.TotalSeconds, derive.Elapsed.TotalSeconds);
        log.Information($"flights: read {Path.GetFileName(path)} ({raw.RowCount:N0} rows) in {read.Elapsed.TotalSeconds:F2} s, derived its columns in {derive.Elapsed.TotalSeconds:F2} s");
        return flights;
    }
}
