using System.Diagnostics;
using ModelPipeline.Targets;

namespace ModelPipeline.Build;

internal sealed partial class Build
{
    [Parameter("Monitor: CSV batch of new rows (with or without the label) to compare with the champion's profile")]
    readonly string? Batch;

    [Parameter("Monitor: folder of the model server's prediction log (predictions-*.jsonl), used when no --batch is given")]
    readonly string? PredictionLog;

    [Parameter("Monitor: do not start a retrain even when drift or decay passes the thresholds")]
    readonly bool NoRetrain;

    Target Profile => _ => _
        .Description("Profile the new version (feature, prediction and label distributions, holdout metrics, anomaly forest) for Monitor")
        .TriggeredBy(CompareWithChampion)
        .Produces($"artifacts/{Pipeline}/profile.json")
        .Executes(() =>
        {
            SkipWhenNothingNew();
            Run.WriteProfile();
        });

    Target Monitor => _ => _
        .Description("Compare a batch or the prediction log with the champion's profile: drift, decay, anomalies; retrain on drift when monitor.retrain_on_drift (on GitHub Actions: dispatch the retrain workflow)")
        .Produces($"artifacts/{Pipeline}/drift.json", $"artifacts/{Pipeline}/drift.html", $"artifacts/{Pipeline}/drift.md")
        .Executes(() =>
        {
            var (champion, result) = Run.Monitor(Batch, PredictionLog);
            var line = $"{Run.Definition.Name} {champion.Version}: {result.Verdict}";
            if (result.RetrainRecommended)
            {
                Log.Warning(line);
            }
            else
            {
                Log.Success(line);
            }

            Log.Information($"Report: {Run.Rel(Path.Combine(Run.Artifacts.Directory, "drift.html"))}");
            if (result.RetrainRecommended && Run.Definition.Monitor.RetrainOnDrift && !NoRetrain)
            {
                CloseTheLoop();
            }
        });

    Target GenerateMonitoring => _ => _
        .Description("Write monitoring/<pipeline>.rules.yml (Prometheus alerts) and monitoring/<pipeline>.dashboard.json (Grafana) for every pipeline")
        .Executes(() =>
        {
            foreach (var (path, text) in MonitoringFiles.For(RootDirectory))
            {
                GeneratedFile.Write(RootDirectory, path, text, Log);
            }
        });

    /// <summary>
    /// On GitHub Actions: dispatches the pipeline's retrain workflow with trigger "drift" through the REST client.
    /// Elsewhere: runs Retrain -> ... -> Push with trigger "drift" in a child build (this same build program, same
    /// root), so that its targets run once, in a fresh process.
    /// </summary>
    void CloseTheLoop()
    {
        if (IsGitHubActions)
        {
            GitHubStage.DispatchRetrain(Pipeline, Log);
            return;
        }

        Log.Information($"monitor.retrain_on_drift: ./build.sh Push --pipeline {Pipeline} --trigger drift");
        var program = typeof(Build).Assembly.Location;
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { WorkingDirectory = RootDirectory, UseShellExecute = false };
        if (program.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !Path.GetFileNameWithoutExtension(Environment.ProcessPath ?? "").Equals("_build", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(program);
        }

        foreach (var argument in new[] { "Push", "--pipeline", Pipeline, "--trigger", "drift", "--models-directory", ModelsDirectory, "--root", RootDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the drift-triggered build");
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"the drift-triggered retrain failed (Push exited with {child.ExitCode})");
        }
    }
}
