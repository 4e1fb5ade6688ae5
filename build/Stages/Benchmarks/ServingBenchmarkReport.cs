using System.Globalization;
using System.Text;

namespace ModelPipeline.Build;

/// <summary>
/// The "## Serving" section of docs/benchmarks.md, and splicing it into the document: the section is replaced in place
/// (or appended), so running only the serving benchmark keeps the training tables and the other way round.
/// </summary>
internal static class ServingBenchmarkReport
{
    public const string Heading = "## Serving";

    public static string Section(ServingFigures figures)
    {
        var text = new StringBuilder();
        text.AppendLine($"{Heading}: model server vs. Kestrel ceiling vs. Flask + scikit-learn");
        text.AppendLine();
        text.AppendLine($"Written by `./build.sh Benchmark --benchmark-only {ServingBenchmark.Name}` on {figures.When:yyyy-MM-dd HH:mm} UTC, " +
            $"{Environment.ProcessorCount} cores shared with wrk and with other work: **load average {figures.LoadBefore} before, " +
            $"{figures.LoadAfter} after** (1/5/15 min). Churn logistic regression (80/20 split, seed 42) with its featurization; " +
            "wrk 2 threads, 50 connections, 10 s after a 3 s warm-up, `--latency`, POST `/invocations` with an MLflow " +
            $"`dataframe_split` body of 1 holdout row, then of {ServingBenchmark.BatchRows:N0} rows. Containers run with " +
            "`--network host` from the offline base (no pull); each server's answers are checked before the load " +
            "(ours must equal the in-process model's predictions and probabilities). The ML.NET row serves the same task with ML.NET's " +
            "LightGBM (default parameters) from src/ModelPipeline.Serving.MLNet (the same server code plus ML.NET). The ONNX row serves " +
            "the churn_sklearn model (pipelines/churn_sklearn.yaml's training command, scikit-learn logistic regression written as ONNX, run " +
            "on the same training rows) from src/ModelPipeline.Serving.Onnx (the same server code plus OnnxRuntime and libonnxruntime.so); its " +
            "answers must equal the in-process OnnxRuntime model's. Our server runs with its default request log (a line for each rejected request only); the second row logs every request.");
        text.AppendLine();
        text.AppendLine("| server | run as | image MB | build s | start → /ping s | single-row req/s | p50 ms | p99 ms | " +
            $"{ServingBenchmark.BatchRows:N0}-row req/s | rows/s (batch) | batch p99 ms |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in figures.Rows)
        {
            text.AppendLine($"| {row.Server} | {row.HowRun} | {Maybe(row.ImageMegabytes, "0.0")} | {Maybe(row.BuildSeconds, "0.0")} | " +
                $"{Maybe(row.StartToPingSeconds, "0.00")} | {N0(row.SingleRow.RequestsPerSecond)}{Errors(row.SingleRow)} | {F2(row.SingleRow.P50Milliseconds)} | " +
                $"{F2(row.SingleRow.P99Milliseconds)} | {N0(row.Batch.RequestsPerSecond)}{Errors(row.Batch)} | {N0(row.Batch.RequestsPerSecond * row.BatchRows)} | " +
                $"{F2(row.Batch.P99Milliseconds)} |");
        }

        text.AppendLine();
        text.AppendLine($"Build s: the engine build of the image with the server already published (the server's publish took " +
            $"{figures.PublishSeconds:0.0} s{(figures.PublishFromCache ? ", reused from .tmp/server-publish" : "")}). " +
            "start → /ping: median of 3 container starts. The Flask server runs on the host, so it has no image or start figures.");
        text.AppendLine();
        var ours = figures.Rows[0];
        text.AppendLine("| goal (issue #5) | measured | met |");
        text.AppendLine("|---|---|---|");
        Goal(text, "churn image ≤ 40 MB", $"{Maybe(ours.ImageMegabytes, "0.0")} MB", ours.ImageMegabytes <= 40);
        Goal(text, "warm build ≤ 20 s", $"{Maybe(ours.BuildSeconds, "0.0")} s", ours.BuildSeconds <= 20);
        Goal(text, "container start → first /ping ≤ 0.5 s", $"{Maybe(ours.StartToPingSeconds, "0.00")} s", ours.StartToPingSeconds <= 0.5);
        Goal(text, "single-row ≥ 30,000 req/s", $"{N0(ours.SingleRow.RequestsPerSecond)} req/s", ours.SingleRow.RequestsPerSecond >= 30_000);
        Goal(text, "single-row p99 ≤ 5 ms", $"{F2(ours.SingleRow.P99Milliseconds)} ms", ours.SingleRow.P99Milliseconds <= 5);
        if (figures.Rows.FirstOrDefault(r => r.Server == ServingBenchmark.MLNetRow) is { } mlnet)
        {
            text.AppendLine();
            text.AppendLine("| goal (issue #11, the ML.NET server) | measured | met |");
            text.AppendLine("|---|---|---|");
            Goal(text, "ML.NET churn image ≤ 60 MB", $"{Maybe(mlnet.ImageMegabytes, "0.0")} MB", mlnet.ImageMegabytes <= 60);
            Goal(text, "container start → first /ping ≤ 1 s", $"{Maybe(mlnet.StartToPingSeconds, "0.00")} s", mlnet.StartToPingSeconds <= 1);
            Goal(text, "single-row ≥ 15,000 req/s", $"{N0(mlnet.SingleRow.RequestsPerSecond)} req/s", mlnet.SingleRow.RequestsPerSecond >= 15_000);
            Goal(text, $"{ServingBenchmark.BatchRows:N0}-row batches ≥ 500,000 rows/s", $"{N0(mlnet.Batch.RequestsPerSecond * mlnet.BatchRows)} rows/s",
                mlnet.Batch.RequestsPerSecond * mlnet.BatchRows >= 500_000);
        }

        return text.ToString();
    }

    /// <summary>The serving section of an existing document (up to the next "## " heading), or null when it has none.</summary>
    public static string? Find(string document) => MarkdownSection.Find(document, Heading);

    /// <summary><paramref name="document"/> with its serving section replaced by <paramref name="section"/> (appended when it had none; unchanged when section is null).</summary>
    public static string Splice(string document, string? section) => MarkdownSection.Splice(document, Heading, section);

    private static void Goal(StringBuilder text, string goal, string measured, bool met) =>
        text.AppendLine($"| {goal} | {measured} | {(met ? "yes" : "**no**")} |");

    private static string Errors(WrkResult result) =>
        result.BadResponses + result.SocketErrors > 0 ? $" ({result.BadResponses:N0} non-2xx, {result.SocketErrors:N0} socket errors)" : "";

    private static string Maybe(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    private static string N0(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F2(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
