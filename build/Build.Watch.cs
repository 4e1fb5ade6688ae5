using System.Diagnostics;
using ModelPipeline.Definitions;
using ModelPipeline.GitHub;
using ModelPipeline.Targets;

namespace ModelPipeline.Build;

/// <summary>Local schedule: re-run pipelines when their data changes or their cron comes due.</summary>
internal sealed partial class Build
{
    [Parameter("Watch: seconds between polls of the data files")]
    readonly int WatchInterval = 30;

    [Parameter("Watch: stop after this many polls (default: run until Ctrl+C)")]
    readonly int? WatchIterations;

    [Parameter("Watch: stop after this many seconds (default: run until Ctrl+C)")]
    readonly int? WatchSeconds;

    Target Watch => _ => _
        .Description("Re-run every pipeline (./build.sh Push --trigger data_change|schedule) when its data files change or its schedule.cron comes due (UTC)")
        .Executes(() =>
        {
            var pipelines = PipelineLoader.ListPipelines(RootDirectory)
                .Select(name => PipelineLoader.LoadByName(name, RootDirectory))
                .Select(d => new WatchedPipeline(
                    d.Name,
                    d.Data.Files.Select(f => Path.Combine(RootDirectory, f)).ToArray(),
                    d.Schedule?.Cron))
                .ToArray();
            foreach (var p in pipelines)
            {
                Log.Information($"watching {p.Name}: {p.DataFiles.Count} data file(s){(p.Cron is null ? "" : $", cron '{p.Cron}' next {p.NextRun(DateTimeOffset.UtcNow):u}")}");
            }

            new LocalSchedule(pipelines)
                .RunAsync(RunChildBuild, TimeSpan.FromSeconds(Math.Max(1, WatchInterval)), WatchIterations,
                    WatchSeconds is { } s ? TimeSpan.FromSeconds(s) : null, CancellationToken)
                .GetAwaiter().GetResult();
        });

    async Task RunChildBuild(string pipeline, string trigger, CancellationToken cancellationToken)
    {
        Log.Information($"{pipeline}: {trigger}: ./build.sh Push --pipeline {pipeline} --trigger {trigger}");
        var start = new ProcessStartInfo(Path.Combine(RootDirectory, "build.sh")) { WorkingDirectory = RootDirectory };
        foreach (var argument in new[] { "Push", "--pipeline", pipeline, "--trigger", trigger })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start ./build.sh");
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            Log.Warning($"{pipeline}: run for {trigger} failed (exit {process.ExitCode}); watching on");
        }
    }
}
