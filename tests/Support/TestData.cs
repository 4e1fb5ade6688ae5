using ModelPipeline.Data;

namespace ModelPipeline.Testing;

/// <summary>
/// The real data sets the tests read, all inside the repository: the bundled example under data/ (churn.csv) and the
/// test-only sets under tests/data/ (origin and licence in tests/data/README.md). A set may be stored gzip-compressed
/// as &lt;name&gt;.gz; the CSV reader unpacks it by that ending. Linked into every test project that reads real data.
/// </summary>
internal static class TestData
{
    private static readonly Dictionary<string, Frame> Cache = [];

    /// <summary>The folder holding ModelPipeline.sln above the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Where a data set named like "satellite.csv" lives: tests/data/ or data/, plain or as .gz.</summary>
    public static string PathOf(string file)
    {
        string[] folders = [Path.Combine(RepositoryRoot, "tests", "data"), Path.Combine(RepositoryRoot, "data")];
        foreach (var folder in folders)
        {
            foreach (var name in new[] { file, file + ".gz" })
            {
                var path = Path.Combine(folder, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        throw new FileNotFoundException($"test data set '{file}' is in neither tests/data/ nor data/ of {RepositoryRoot}");
    }

    /// <summary>Reads a data set; without options each file is read once per test run.</summary>
    public static Frame Read(string file, CsvReadOptions? options = null)
    {
        if (options is not null)
        {
            return CsvFrameReader.Read(PathOf(file), options);
        }

        lock (Cache)
        {
            if (!Cache.TryGetValue(file, out var frame))
            {
                Cache[file] = frame = CsvFrameReader.Read(PathOf(file));
            }

            return frame;
        }
    }

    /// <summary>The text lines of a data set (header first), unpacked if it is stored as .gz.</summary>
    public static IEnumerable<string> Lines(string file)
    {
        using var reader = new StreamReader(CsvFrameReader.OpenFile(PathOf(file)));
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    /// <summary>The 80/20 split the quality tests use: seed 42, stratified on the label unless told otherwise.</summary>
    public static (Frame Train, Frame Holdout) Split(string file, string label, bool stratify = true)
    {
        var frame = Read(file);
        var (train, holdout) = FrameSplit.TrainHoldout(frame, 0.2, 42, stratify ? label : null);
        return (frame.Take(train), frame.Take(holdout));
    }

    /// <summary>A seeded random subset of rows, sorted: the flights files are in time order, so a prefix would cover only the first weeks.</summary>
    public static int[] Subset(int[] rows, int count, int seed)
    {
        var shuffled = (int[])rows.Clone();
        FrameSplit.Shuffle(shuffled, new Random(seed));
        var subset = shuffled[..Math.Min(count, shuffled.Length)];
        Array.Sort(subset);
        return subset;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ModelPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ModelPipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
