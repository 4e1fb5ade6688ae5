using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ModelPipeline.Containers.Publishing;
using ModelPipeline.Data;
using ModelPipeline.Targets;
using ModelPipeline.Training;

namespace ModelPipeline.Build;

/// <summary>
/// The soak (issue 16): the published model server (churn logistic regression) as a host process on 127.0.0.1, under
/// <see cref="SoakLoad"/>'s paced mix at <see cref="LoadShare"/> of the mix's measured maximum for the given duration,
/// after a warm-up of a tenth of it; its RSS read from /proc. Any 5xx, answer with another status than its kind
/// must get, failed request, or the server exiting fails the benchmark (<see cref="Check"/>).
/// </summary>
internal sealed class SoakBenchmark(string sourceRoot, string dataDirectory, BuildLog log)
{
    /// <summary>The name <c>--benchmark-only</c> selects this benchmark by.</summary>
    public const string Name = "soak";

    /// <summary>The paced rate's share of the probed maximum (the issue's "about 80%").</summary>
    public const double LoadShare = 0.8;

    public const int BatchRows = 100;

    public const int Windows = 10;

    /// <summary>How long the closed-loop probe of the maximum runs (shorter for a soak under a minute).</summary>
    public static TimeSpan Probe(TimeSpan duration) => TimeSpan.FromSeconds(Math.Min(10, duration.TotalSeconds / 6));

    public async Task<SoakFigures> RunAsync(TimeSpan duration)
    {
        var work = Path.Combine(sourceRoot, ".tmp", "benchmark-soak");
        var (_, _, holdout, model) = ServingBenchmark.ChurnModel(dataDirectory);
        var single = SmokeRequest.Body(holdout.Take([0]), model.Schema);
        var batch = SmokeRequest.Body(holdout.Take([.. Enumerable.Range(0, BatchRows).Select(i => i % holdout.RowCount)]), model.Schema);
        var modelDirectory = ServingBenchmark.WriteModelDirectory(Path.Combine(work, "model"), model.ToBytes(), ModelKinds.BuiltIn, "model.bin");

        var publish = await ServerPublisher.PublishAsync(sourceRoot, Path.Combine(sourceRoot, ".tmp", "server-publish"), log: log.Debug);
        log.Information($"soak: model server {(publish.FromCache ? "publish reused" : "published")} in {publish.Elapsed.TotalSeconds:F1} s");
        var port = ServingBenchmark.FreeLoopbackPort();
        var start = new ProcessStartInfo(publish.ExecutablePath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["--model-dir", modelDirectory, "--port", port.ToString(CultureInfo.InvariantCulture), "--host", "127.0.0.1"])
        {
            start.ArgumentList.Add(argument);
        }

        using var server = Process.Start(start) ?? throw new InvalidOperationException($"could not start {publish.ExecutablePath}");
        var lastLines = new Queue<string>();
        void Keep(string? line)
        {
            lock (lastLines)
            {
                lastLines.Enqueue(line ?? "");
                while (lastLines.Count > 20)
                {
                    lastLines.Dequeue();
                }
            }
        }

        server.OutputDataReceived += (_, e) => Keep(e.Data);
        server.ErrorDataReceived += (_, e) => Keep(e.Data);
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            var address = new Uri($"http://127.0.0.1:{port}/");
            if (!await ServingBenchmark.AnswersPingAsync(address, server))
            {
                throw new InvalidOperationException($"soak: the model server did not answer /ping within 60 s{(server.HasExited ? $" (it exited {server.ExitCode})" : "")}");
            }

            var load = new SoakLoad(new Uri(address, "invocations"), Mix(single, batch, model.Schema), () => Rss(server.Id));
            var window = duration / Windows;
            log.Information($"soak: probing the maximum for {Probe(duration).TotalSeconds:F0} s, then {LoadShare * 100:0}% of it for {duration.TotalSeconds / 10:F0} s of warm-up and {duration.TotalSeconds:F0} s");
            var figures = await load.RunAsync(Probe(duration), duration / 10, Windows, window, LoadShare);
            if (server.HasExited)
            {
                lock (lastLines)
                {
                    throw new InvalidOperationException($"soak: the model server exited ({server.ExitCode}) during the run:\n{string.Join('\n', lastLines)}");
                }
            }

            return figures;
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }

            await server.WaitForExitAsync();
        }
    }

    /// <summary>70% single rows, 20% batches, 10% malformed bodies the server must answer 400 (broken JSON, an unknown column, text for a number).</summary>
    public static IReadOnlyList<SoakRequest> Mix(string single, string batch, ModelSchema schema)
    {
        var textForNumber = JsonNode.Parse(single)!;
        var numeric = schema.Inputs.Select((input, index) => (input, index)).First(c => c.input.Kind == ColumnKind.Numeric).index;
        textForNumber["dataframe_split"]!["data"]![0]![numeric] = "not a number";
        return
        [
            new(SoakRequest.Single, single, 70, 200),
            new(SoakRequest.Batch, batch, 20, 200),
            new("broken JSON", batch[..(batch.Length / 2)], 4, 400),
            new("unknown column", single.Replace($"\"{schema.Inputs[0].Name}\"", "\"no_such_column\"", StringComparison.Ordinal), 3, 400),
            new("text for a number", textForNumber.ToJsonString(), 3, 400),
        ];
    }

    /// <summary>Throws, naming the counts and the first failures, when the soak saw a 5xx, another unexpected answer or a failed request.</summary>
    public static void Check(SoakFigures figures)
    {
        if (figures.ServerErrors + figures.Unexpected + figures.Failed == 0)
        {
            return;
        }

        var text = new StringBuilder($"soak: {figures.ServerErrors:N0} answers 5xx, {figures.Unexpected:N0} with another unexpected status, {figures.Failed:N0} requests failed; first:");
        foreach (var failure in figures.FirstFailures)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {failure}");
        }

        throw new InvalidOperationException(text.ToString());
    }

    /// <summary>VmRSS of a process in bytes, from /proc (null when it is gone or there is no /proc).</summary>
    internal static long? Rss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
