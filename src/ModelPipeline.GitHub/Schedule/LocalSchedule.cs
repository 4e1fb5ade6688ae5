namespace ModelPipeline.GitHub;

/// <summary>
/// <c>./build.sh Watch</c>: polls the pipelines' data files every <c>interval</c> and runs a pipeline with trigger
/// <c>data_change</c> when one changed, or <c>schedule</c> when its cron comes due (UTC). Bounded by iterations and/or
/// a duration so tests (and CI) can run it briefly. Clock and waiting are injected.
/// </summary>
public sealed class LocalSchedule(IReadOnlyList<WatchedPipeline> pipelines, TimeProvider? time = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
{
    readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Polls until <paramref name="maxIterations"/> polls or <paramref name="maxDuration"/> passed (null = unbounded).</summary>
    /// <param name="run">Runs one pipeline with a trigger (<c>data_change</c> or <c>schedule</c>).</param>
    /// <returns>The runs started, in order.</returns>
    public async Task<IReadOnlyList<(string Pipeline, string Trigger)>> RunAsync(
        Func<string, string, CancellationToken, Task> run, TimeSpan interval, int? maxIterations, TimeSpan? maxDuration,
        CancellationToken cancellationToken = default)
    {
        var wait = delay ?? ((span, ct) => Task.Delay(span, _time, ct));
        var started = _time.GetUtcNow();
        var detectors = pipelines.ToDictionary(p => p.Name, p => new DataChangeDetector(p.DataFiles), StringComparer.Ordinal);
        var due = pipelines.ToDictionary(p => p.Name, p => p.NextRun(started), StringComparer.Ordinal);
        foreach (var detector in detectors.Values)
        {
            detector.Poll();
        }

        var runs = new List<(string, string)>();
        for (var iteration = 1; !cancellationToken.IsCancellationRequested; iteration++)
        {
            await wait(interval, cancellationToken).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            foreach (var pipeline in pipelines)
            {
                string? trigger = null;
                if (detectors[pipeline.Name].Poll().Count > 0)
                {
                    trigger = "data_change";
                }

                if (due[pipeline.Name] is { } next && next <= now)
                {
                    trigger ??= "schedule";
                    due[pipeline.Name] = pipeline.NextRun(now);
                }

                if (trigger is not null)
                {
                    runs.Add((pipeline.Name, trigger));
                    await run(pipeline.Name, trigger, cancellationToken).ConfigureAwait(false);
                }
            }

            if ((maxIterations is { } most && iteration >= most) || (maxDuration is { } limit && _time.GetUtcNow() - started >= limit))
            {
                break;
            }
        }

        return runs;
    }
}
