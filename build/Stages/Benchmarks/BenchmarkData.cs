using System.Diagnostics;
using ModelPipeline.Data;
using ModelPipeline.Targets;

namespace ModelPipeline.Build;

/// <summary>
/// The frames the benchmark trains on: the small sets from the repository's data/ folder, flights from the cached
/// flights-3m.parquet (read once, its columns derived as <see cref="FlightsColumns"/> says), and the two 100,000-row
/// quarter samples drawn from it with a fixed seed.
/// </summary>
internal sealed class BenchmarkData(string repositoryRoot, BenchmarkDataCache cache, BuildLog log)
{
    private Frame? _flights;

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

        return benchmark.Name switch
        {
            "flights" => Flights(),
            "flights_q1_sample" => FlightsColumns.Sample(Flights(), 1, 3, 100_000, 42),
            "flights_q2_sample" => FlightsColumns.Sample(Flights(), 4, 6, 100_000, 42),
            _ => throw new InvalidOperationException($"{benchmark.Name}: no file and no derivation"),
        };
    }

    /// <summary>Drops the cached flights frame (the samples are drawn from it; the benchmark releases it after them).</summary>
    public void Release() => _flights = null;

    public Frame Flights()
    {
        if (_flights is not null)
        {
            return _flights;
        }

        var path = cache.Flights();
        var read = Stopwatch.StartNew();
        var raw = ParquetFrameReader.Read(path, new CsvReadOptions { Ignore = [] });
        read.Stop();
        var derive = Stopwatch.StartNew();
        _flights = FlightsColumns.Derive(raw);
        derive.Stop();
        FlightsSeconds = (read.Elapsed.TotalSeconds, derive.Elapsed.TotalSeconds);
        log.Information($"flights: read {Path.GetFileName(path)} ({raw.RowCount:N0} rows) in {read.Elapsed.TotalSeconds:F2} s, derived its columns in {derive.Elapsed.TotalSeconds:F2} s");
        return _flights;
    }
}
