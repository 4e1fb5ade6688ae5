using ModelPipeline.Data;

namespace ModelPipeline.Monitoring.Tests;

/// <summary>The real data sets under ../shared/data (relative to the repository root).</summary>
internal static class SharedData
{
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ModelPipeline.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (ModelPipeline.sln) above " + AppContext.BaseDirectory);
        }
    }

    public static string Directory => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    public static Frame Read(string file, CsvReadOptions? options = null) => CsvFrameReader.Read(Path.Combine(Directory, file), options);

    /// <summary>churn.csv with total_charges numeric (11 empty cells).</summary>
    public static Frame Churn() => Read("churn.csv", new CsvReadOptions { Kinds = new Dictionary<string, ColumnKind> { ["total_charges"] = ColumnKind.Numeric } });

    /// <summary>A seeded random subset of rows, sorted.</summary>
    public static int[] Subset(int[] rows, int count, int seed)
    {
        var shuffled = (int[])rows.Clone();
        FrameSplit.Shuffle(shuffled, new Random(seed));
        var subset = shuffled[..Math.Min(count, shuffled.Length)];
        Array.Sort(subset);
        return subset;
    }

    /// <summary>The frame with one numeric column multiplied by a factor.</summary>
    public static Frame Scale(Frame frame, string column, double factor) =>
        new([.. frame.Columns.Select(c => c.Name == column ? Column.Numeric(c.Name, Array.ConvertAll(c.Numbers!, v => v * factor)) : c)]);
}
