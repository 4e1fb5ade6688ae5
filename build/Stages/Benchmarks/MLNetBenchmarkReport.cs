using System.Globalization;
using System.Text;

namespace ModelPipeline.Build;

/// <summary>
/// The "## ML.NET trainers" section of docs/benchmarks.md: each ML.NET trainer beside the best of ours and of the peers
/// on the same rows in the same run. Data sets this run did not measure keep their rows from the existing section.
/// </summary>
internal static class MLNetBenchmarkReport
{
    public const string Heading = "## ML.NET trainers";

    private const string TableHeader = "| data | train rows | ML.NET trainer | metric | ML.NET | our best (trainer) | peers' best | fit s | predict rows/s | peak MiB | load before → after |";

    /// <summary>The section for <paramref name="rows"/>' ML.NET rows, or the existing one unchanged when the run had none.</summary>
    public static string? Section(IReadOnlyList<BenchmarkRow> rows, string existing)
    {
        var mlnet = rows.Where(r => BenchmarkCatalog.IsMLNet(r.Trainer)).ToArray();
        var previous = MarkdownSection.Find(existing, Heading);
        if (mlnet.Length == 0)
        {
            return previous;
        }

        var measured = mlnet.Select(r => r.Data).ToHashSet();
        var lines = (previous ?? "").Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines.IndexOf(TableHeader);
        var kept = header < 0 ? [] : lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Where(l => !measured.Contains(l.Split('|')[1].Trim())).ToList();

        var text = new StringBuilder();
        text.AppendLine(Heading);
        text.AppendLine();
        text.AppendLine("ML.NET 6.0 trainers (`trainer.type: mlnet`, docs/mlnet.md) in the same run and on the same train and holdout rows as " +
            "the table above, with the same featurization (every one-hot level kept), seed 42 and ML.NET's default parameters as " +
            "docs/pipeline-yaml.md lists them. Fit = wall-clock of the fit alone; predict = batch scoring of the holdout through " +
            "the same IScoringModel seam the build uses; peak = this process's resident high-water mark during that fit and " +
            "prediction (reset before each trainer, on top of the data already loaded). Our best and the peers' best are the " +
            "primary metric of the rows above for that data set.");
        text.AppendLine();
        text.AppendLine(TableHeader);
        text.AppendLine("|---|---:|---|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var data in BenchmarkCatalog.All.Select(c => c.Name))
        {
            foreach (var line in kept.Where(l => l.Split('|')[1].Trim() == data))
            {
                text.AppendLine(line);
            }

            // Every primary metric of the catalogue (auc, macro_f1, r2) is better when larger.
            var ours = rows.Where(r => r.Data == data && !BenchmarkCatalog.IsMLNet(r.Trainer)).MaxBy(r => r.Metric);
            var peers = rows.Where(r => r.Data == data).SelectMany(r => r.Peers).MaxBy(p => p.Metric);
            foreach (var row in mlnet.Where(r => r.Data == data))
            {
                var metric = BenchmarkCatalog.All.First(c => c.Name == data).PrimaryMetric;
                text.AppendLine($"| {data} | {row.TrainRows:N0} | {row.Trainer[BenchmarkCatalog.MLNetPrefix.Length..]} | {metric} | {F4(row.Metric)} | " +
                    $"{(ours is null ? "—" : $"{F4(ours.Metric)} ({ours.Trainer})")} | {(peers is null ? "—" : $"{F4(peers.Metric)} ({peers.Library} {peers.Model})")} | " +
                    $"{row.FitSeconds.ToString("0.00", CultureInfo.InvariantCulture)} | {row.PredictRowsPerSecond.ToString("N0", CultureInfo.InvariantCulture)} | " +
                    $"{(row.PeakMiB is { } peak ? peak.ToString("N0", CultureInfo.InvariantCulture) : "—")} | {row.LoadBefore} → {row.LoadAfter} |");
            }
        }

        return text.ToString();
    }

    private static string F4(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
