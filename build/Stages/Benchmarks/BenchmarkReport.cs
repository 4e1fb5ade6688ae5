using System.Globalization;
using System.Text;

namespace ModelPipeline.Build;

/// <summary>docs/benchmarks.md: our figures next to the peers' from the same run, and the goals each one is held to.</summary>
internal static class BenchmarkReport
{
    private const string TableHeader = "| data | train rows | our trainer | metric | ours | scikit-learn | XGBoost | fit s ours | fit s scikit-learn (ours ÷ it) | fit s XGBoost (ours ÷ it) | predict rows/s ours | scikit-learn | XGBoost | peer peak MiB | load before → after |";

    /// <summary>
    /// The table rows of <paramref name="existing"/> (docs/benchmarks.md) for the data sets this run did not measure, so that
    /// <c>--benchmark-only flights</c> keeps the other data sets' last figures (rows of an older table layout are dropped).
    /// </summary>
    public static IReadOnlyList<string> KeptRows(string existing, IEnumerable<BenchmarkRow> rows)
    {
        var lines = existing.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines.IndexOf(TableHeader);
        if (header < 0)
        {
            return [];
        }

        var measured = rows.Select(r => r.Data).ToHashSet();
        return [.. lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Where(l => !measured.Contains(l.Split('|')[1].Trim()))];
    }

    public static string Markdown(IReadOnlyList<BenchmarkRow> rows, IReadOnlyList<string> keptRows, double? flightsPeakMiB, (double Read, double Derive)? flightsSeconds, DateTimeOffset when)
    {
        var libraries = rows.SelectMany(r => r.Peers).Select(p => p.Library).Distinct().ToArray();
        var text = new StringBuilder();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        text.AppendLine($"Written by `./build.sh Benchmark` on {when:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, " +
            $"{Environment.OSVersion}, .NET {Environment.Version}. Peers measured in the same run, right after ours, on the same " +
            $"train and holdout rows (written to CSV for them): {(libraries.Length > 0 ? string.Join(", ", libraries) : "none could run")} " +
            "(Debian's python3-sklearn and python3-xgboost, build/Stages/Benchmarks/peers.py, one process per model). The machine " +
            "may be shared: each row gives the load average (1/5/15 min) before ours and after the peers, and ratios are taken " +
            "within the row. Protocol: the same rows in the 80/20 split (ours reproduces scikit-learn's " +
            "`train_test_split(test_size=0.2, random_state=42, stratify=y)` exactly; not stratified for regression); " +
            "default hyperparameters, except that one-hot keeps every level as scikit-learn's OneHotEncoder does; peers as " +
            "peers.py describes (HistGradientBoosting with text ordinal-encoded and declared categorical, early stopping for " +
            "n > 10,000 with a seeded validation split; LogisticRegression / Ridge after median impute + StandardScaler and " +
            "one-hot; XGBoost `hist` with pandas categories); fit = wall-clock of the fit call alone; peer peak = that " +
            "process's peak resident memory (read CSV + fit + predict).");
        text.AppendLine();
        text.AppendLine($"Data: the small sets from the repository (`data/`, `tests/data/`: origins and licences in tests/data/README.md); flights from `{BenchmarkDataCache.FlightsFile}` of the npm " +
            $"package `{BenchmarkDataCache.Package}` {BenchmarkDataCache.Version} (BSD-3-Clause; US DOT on-time data, Jan–Jun 2001), fetched once " +
            $"into `~/.cache/modelpipeline` (`--benchmark-cache`) with `npm pack` and used only with sha256 `{BenchmarkDataCache.FlightsSha256}`. " +
            "Its columns are derived as the earlier flights.csv.gz was (build/Stages/Benchmarks/FlightsColumns.cs): month, day_of_month, " +
            "day_of_week (0 = Monday), dep_hour, dep_minute_of_day from the scheduled departure, distance, origin, destination, and " +
            "delayed = departure delay over 15 minutes (the same frame as flights.csv.gz, value for value).");
        text.AppendLine();
        text.AppendLine("## Quality and speed per data set");
        text.AppendLine();
        text.AppendLine(TableHeader);
        text.AppendLine("|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var data in BenchmarkCatalog.All.Select(c => c.Name))
        {
            foreach (var kept in keptRows.Where(l => l.Split('|')[1].Trim() == data))
            {
                text.AppendLine(kept);
            }

            foreach (var row in rows.Where(r => r.Data == data && !BenchmarkCatalog.IsMLNet(r.Trainer)))
            {
                AppendRow(text, row);
            }
        }

        text.AppendLine();
        text.AppendLine("## Goals");
        text.AppendLine();
        text.AppendLine("Of the data sets measured in the run that wrote this file (rows kept from earlier runs keep their own figures above).");
        text.AppendLine();
        text.AppendLine("| goal | measured | met |");
        text.AppendLine("|---|---|---|");
        var gbdt = rows.FirstOrDefault(r => r.Data == "flights" && r.Trainer == "gradient_boosting");
        var logistic = rows.FirstOrDefault(r => r.Data == "flights" && r.Trainer == "logistic_regression");
        if (gbdt is not null)
        {
            if (Sklearn(gbdt) is { } hgb)
            {
                var ratio = gbdt.FitSeconds / hgb.FitSeconds;
                Goal(text, "flights GBDT fit ≤ 0.5× scikit-learn HistGradientBoosting's, same run",
                    $"{F2(gbdt.FitSeconds)} s vs {F2(hgb.FitSeconds)} s = {ratio:0.00}× (load {gbdt.LoadBefore} → {gbdt.LoadAfter})", ratio <= 0.5);
                Goal(text, "flights GBDT AUC ≥ scikit-learn's − 0.001", $"{F4(gbdt.Metric)} vs {F4(hgb.Metric)}", gbdt.Metric >= hgb.Metric - 0.001);
            }

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
            var hgbPeak = gbdt is null ? null : Sklearn(gbdt)?.PeakMib;
            Goal(text, $"flights whole-process peak memory ≤ 600 MiB{(hgbPeak is { } p ? $" (scikit-learn HGB, same run: {p:N0} MiB)" : "")}", $"{peak:N0} MiB", peak <= 600);
        }

        foreach (var data in rows.Select(r => r.Data).Distinct())
        {
            var theirs = rows.Where(r => r.Data == data).Select(Sklearn).OfType<PeerResult>().ToArray();
            if (theirs.Length > 0)
            {
                var ours = rows.Where(r => r.Data == data && !BenchmarkCatalog.IsMLNet(r.Trainer)).Max(r => r.Metric);
                var best = theirs.Max(p => p.Metric);
                Goal(text, $"{data}: our best ≥ scikit-learn's best (or within 0.005)", $"{F4(ours)} vs {F4(best)}", ours >= best - 0.005);
            }
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, BenchmarkRow row)
    {
        var metricName = BenchmarkCatalog.All.First(c => c.Name == row.Data).PrimaryMetric;
        var sklearn = Sklearn(row);
        var xgboost = row.Peers.FirstOrDefault(p => p.Model == "xgb");
        text.AppendLine($"| {row.Data} | {row.TrainRows:N0} | {row.Trainer} | {metricName} | {F4(row.Metric)} | " +
            $"{(sklearn is null ? "—" : $"{F4(sklearn.Metric)} ({PeerName(sklearn)}{Iterations(sklearn)})")} | " +
            $"{(xgboost is null ? "—" : $"{F4(xgboost.Metric)}{Iterations(xgboost)}")} | {F2(row.FitSeconds)} | " +
            $"{(sklearn is null ? "—" : $"{F2(sklearn.FitSeconds)} ({Ratio(row.FitSeconds, sklearn.FitSeconds)})")} | " +
            $"{(xgboost is null ? "—" : $"{F2(xgboost.FitSeconds)} ({Ratio(row.FitSeconds, xgboost.FitSeconds)})")} | " +
            $"{F0(row.PredictRowsPerSecond)} | {(sklearn is null ? "—" : F0(sklearn.PredictRowsPerSecond))} | " +
            $"{(xgboost is null ? "—" : F0(xgboost.PredictRowsPerSecond))} | " +
            $"{(row.Peers.Count == 0 ? "—" : string.Join(" / ", row.Peers.Select(p => F0(p.PeakMib))))} | {row.LoadBefore} → {row.LoadAfter} |");
    }

    private static PeerResult? Sklearn(BenchmarkRow row) => row.Peers.FirstOrDefault(p => p.Model != "xgb");

    private static string PeerName(PeerResult peer) => peer.Model switch
    {
        "hgb" => "HistGradientBoosting",
        "logreg" => "LogisticRegression",
        "ridge" => "Ridge",
        _ => peer.Model,
    };

    private static string Iterations(PeerResult peer) => peer.Model is "hgb" or "xgb" && peer.Iterations is { } n ? $", {n} iterations" : "";

    private static string Ratio(double ours, double theirs) => theirs > 0 ? $"{(ours / theirs).ToString("0.00", CultureInfo.InvariantCulture)}×" : "—";

    private static void Goal(StringBuilder text, string goal, string measured, bool met) =>
        text.AppendLine($"| {goal} | {measured} | {(met ? "yes" : "**no**")} |");

    private static string F0(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F2(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string F4(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
