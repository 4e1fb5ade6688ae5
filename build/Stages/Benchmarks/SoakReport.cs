using System.Text;

namespace ModelPipeline.Build;

/// <summary>The "## Soak" section of docs/benchmarks.md: the run's parameters, a row per window, and the issue's goals.</summary>
internal static class SoakReport
{
    public const string Heading = "## Soak";

    /// <summary>RSS may end (and peak) at most this much above the first window's end (issue 16: "flat within 10%").</summary>
    public const double RssGoalPercent = 10;

    /// <summary>"p99 stable": no window's single-row p99 over this many times the lowest window's.</summary>
    public const double P99SpreadGoal = 2;

    public static string Section(SoakFigures figures)
    {
        var seconds = figures.Windows.Sum(w => w.Seconds);
        var text = new StringBuilder();
        text.AppendLine($"{Heading}: the model server for {seconds:N0} s at {SoakBenchmark.LoadShare * 100:0}% of its maximum");
        text.AppendLine();
        text.AppendLine($"Written by `./build.sh Benchmark --benchmark-only {SoakBenchmark.Name} --soak-seconds {seconds:0}` on {figures.Date:yyyy-MM-dd HH:mm} UTC, " +
            $"{Environment.ProcessorCount} cores shared with the load generator and with other work: **load average {figures.LoadBefore} before, " +
            $"{figures.LoadAfter} after** (1/5/15 min). The published model server (churn logistic regression, 80/20 split, seed 42) runs as a " +
            "host process on 127.0.0.1 with its default request log; its RSS is VmRSS from /proc, sampled every 200 ms. The load generator " +
            "runs in the build's process: the mix " +
            string.Join(", ", figures.Mix.Select(r => $"{r.Share}% {r.Kind} ({r.ExpectedStatus} expected)")) +
            $" (batches of {SoakBenchmark.BatchRows} rows, MLflow `dataframe_split`) first closed loop with {SoakLoad.ProbeConnections} requests in " +
            $"flight for {figures.Probe.Seconds:0} s: **{figures.MaxRequestsPerSecond:N0} req/s** maximum; then paced open loop at " +
            $"**{figures.TargetRequestsPerSecond:N0} req/s** (at most {SoakLoad.MaxInFlight:N0} in flight; a request due beyond that is not sent " +
            $"and counted), {figures.WarmUp.Seconds:0} s of warm-up, then {figures.Windows.Count} windows. Latency: answers as expected only.");
        text.AppendLine();
        text.AppendLine("| window | s | req/s | as expected | 5xx | other status | failed | not sent | single-row p50 ms | single-row p99 ms | batch p99 ms | RSS at end MiB | RSS peak MiB |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Row(text, "probe (closed loop)", figures.Probe);
        Row(text, "warm-up", figures.WarmUp);
        foreach (var window in figures.Windows)
        {
            Row(text, window.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), window);
        }

        var p99 = figures.Windows.Select(w => w.SingleP99Milliseconds).DefaultIfEmpty(0).ToList();
        text.AppendLine();
        text.AppendLine("| goal (issue 16) | measured | met |");
        text.AppendLine("|---|---|---|");
        Goal(text, "0 responses 5xx (and no other unexpected status, no failed request)",
            $"{figures.ServerErrors:N0} 5xx, {figures.Unexpected:N0} other, {figures.Failed:N0} failed", figures.ServerErrors + figures.Unexpected + figures.Failed == 0);
        Goal(text, $"RSS flat within {RssGoalPercent:0}% after warm-up (the last window's end, and the highest sample of windows 2 on, against the first window's end)",
            $"{figures.RssGrowthPercent:+0.0;-0.0}% at the end, {figures.PeakRssGrowthPercent:+0.0;-0.0}% at the peak",
            figures.RssGrowthPercent <= RssGoalPercent && figures.PeakRssGrowthPercent <= RssGoalPercent);
        Goal(text, $"p99 stable (single-row p99 of every window within {P99SpreadGoal:0}× of the lowest)",
            $"{p99.Min():F2}–{p99.Max():F2} ms ({figures.P99Spread:F2}×)", figures.P99Spread <= P99SpreadGoal);
        if (figures.FirstFailures.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("First failures:");
            text.AppendLine();
            foreach (var failure in figures.FirstFailures)
            {
                text.AppendLine($"- `{failure.Replace('`', '\'')}`");
            }
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, SoakWindow window) =>
        text.AppendLine($"| {name} | {window.Seconds:0} | {window.RequestsPerSecond:N0} | {window.Expected:N0} | {window.ServerErrors:N0} | " +
            $"{window.Unexpected:N0} | {window.Failed:N0} | {window.Late:N0} | {window.SingleP50Milliseconds:F2} | {window.SingleP99Milliseconds:F2} | " +
            $"{window.BatchP99Milliseconds:F2} | {window.RssMiB:F0} | {window.PeakRssMiB:F0} |");

    private static void Goal(StringBuilder text, string goal, string measured, bool met) =>
        text.AppendLine($"| {goal} | {measured} | {(met ? "yes" : "**no**")} |");
}
