using System.Globalization;
using System.Text;

namespace ModelPipeline.Build;

/// <summary>docs/benchmarks.md: our figures next to scikit-learn's, and the goals each one is held to.</summary>
internal static class BenchmarkReport
{
    public static string Markdown(IReadOnlyList<BenchmarkRow> rows, double? flightsPeakMiB, (double Read, double Derive)? flightsSeconds, DateTimeOffset when)
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        text.AppendLine($"Written by `./build.sh Benchmark` on {when:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, " +
            $"{Environment.OSVersion}, .NET {Environment.Version}. Peer figures: scikit-learn 1.2.1 on the same kind of machine " +
            "(shared/data/README.md). Protocol for both: the same rows in the 80/20 split (ours reproduces scikit-learn's " +
            "`train_test_split(test_size=0.2, random_state=42, stratify=y)` exactly; not stratified for regression); " +
            "default hyperparameters, except that one-hot keeps every level as scikit-learn's OneHotEncoder does; " +
            "fit = wall-clock of the fit call alone.");
        text.AppendLine();
        text.AppendLine($"Data: the small sets from the repository's `data/` folder; flights from `{BenchmarkDataCache.FlightsFile}` of the npm " +
            $"package `{BenchmarkDataCache.Package}` {BenchmarkDataCache.Version} (BSD-3-Clause; US DOT on-time data, Jan–Jun 2001), fetched once " +
            $"into `~/.cache/modelpipeline` (`--benchmark-cache`) with `npm pack` and used only with sha256 `{BenchmarkDataCache.FlightsSha256}`. " +
            "Its columns are derived as the earlier flights.csv.gz was (build/Stages/Benchmarks/FlightsColumns.cs): month, day_of_month, " +
            "day_of_week (0 = Monday), dep_hour, dep_minute_of_day from the scheduled departure, distance, origin, destination, and " +
            "delayed = departure delay over 15 minutes; flights_q1_sample / flights_q2_sample are 100,000 rows of months 1–3 / 4–6 drawn " +
            "with seed 42, in time order.");
        text.AppendLine();
        text.AppendLine("## Quality and speed per data set");
        text.AppendLine();
        text.AppendLine("| data | train rows | our trainer | metric | ours | scikit-learn | fit s (ours) | fit s (sklearn) | predict rows/s (ours) | predict rows/s (sklearn) |");
        text.AppendLine("|---|---:|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var metricName = BenchmarkCatalog.All.First(c => c.Name == row.Data).PrimaryMetric;
            var peerRate = row.Peer.PredictMsPer1k is { } ms ? F0(1000 / (ms / 1000)) : "—";
            text.AppendLine($"| {row.Data} | {row.TrainRows:N0} | {row.Peer.Trainer} | {metricName} | {F4(row.Metric)} | {F4(row.Peer.Metric)} ({row.Peer.PeerModel}) | " +
                $"{F2(row.FitSeconds)} | {F2(row.Peer.FitSeconds)} | {F0(row.PredictRowsPerSecond)} | {peerRate} |");
        }

        text.AppendLine();
        text.AppendLine("## Goals");
        text.AppendLine();
        text.AppendLine("| goal | measured | met |");
        text.AppendLine("|---|---|---|");
        var gbdt = rows.FirstOrDefault(r => r.Data == "flights" && r.Peer.Trainer == "gradient_boosting");
        var logistic = rows.FirstOrDefault(r => r.Data == "flights" && r.Peer.Trainer == "logistic_regression");
        if (gbdt is not null)
        {
            Goal(text, "flights GBDT fit ≤ 13.5 s (half of sklearn's 27.0 s)", $"{F2(gbdt.FitSeconds)} s", gbdt.FitSeconds <= 13.5);
            Goal(text, "flights GBDT AUC ≥ 0.750", F4(gbdt.Metric), gbdt.Metric >= 0.750);
            Goal(text, "flights GBDT batch prediction ≥ 2M rows/s", $"{F0(gbdt.PredictRowsPerSecond)} rows/s", gbdt.PredictRowsPerSecond >= 2e6);
        }

        if (logistic is not null)
        {
            Goal(text, "flights logistic fit ≤ 15 s", $"{F2(logistic.FitSeconds)} s", logistic.FitSeconds <= 15);
            Goal(text, "flights logistic AUC ≥ 0.642", F4(logistic.Metric), logistic.Metric >= 0.642);
        }

        if (flightsSeconds is { } seconds)
        {
            Goal(text, "flights: read flights-3m.parquet (3M rows) ≤ 0.8 s (the CSV reader's time for flights.csv.gz)",
                $"{F2(seconds.Read)} s (+ {F2(seconds.Derive)} s to derive the columns)", seconds.Read <= 0.8);
        }

        if (flightsPeakMiB is { } peak)
        {
            Goal(text, $"flights whole-process peak memory ≤ 600 MiB (sklearn HGB: {BenchmarkCatalog.SklearnFlightsPeakMiB:N0} MiB)", $"{peak:N0} MiB", peak <= 600);
        }

        foreach (var data in rows.Select(r => r.Data).Distinct())
        {
            var ours = rows.Where(r => r.Data == data).Max(r => r.Metric);
            var theirs = rows.Where(r => r.Data == data).Max(r => r.Peer.Metric);
            Goal(text, $"{data}: our best ≥ sklearn's best (or within 0.005)", $"{F4(ours)} vs {F4(theirs)}", ours >= theirs - 0.005);
        }

        return text.ToString();
    }

    private static void Goal(StringBuilder text, string goal, string measured, bool met) =>
        text.AppendLine($"| {goal} | {measured} | {(met ? "yes" : "**no**")} |");

    private static string F0(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F2(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string F4(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
