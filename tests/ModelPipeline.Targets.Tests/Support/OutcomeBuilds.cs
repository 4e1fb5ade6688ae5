namespace ModelPipeline.Targets.Tests;

/// <summary>Sample builds for <see cref="OutcomeTests"/>.</summary>
internal static class OutcomeBuilds
{
    internal sealed class FailingBuild : RecordingBuild
    {
        public Target Train => _ => _.Executes(() => throw new InvalidDataException("data/churn.csv is empty"));

        public Target Evaluate => _ => _.DependsOn(Train).Executes(Record(nameof(Evaluate)));

        public Target Report => _ => _.DependsOn(Evaluate).Executes(Record(nameof(Report)));

        public Target Lint => _ => _.After(Train, Flaky).Executes(Record(nameof(Lint)));

        public Target Flaky => _ => _.ProceedAfterFailure().Executes(() => throw new TimeoutException("registry timed out"));

        public Target AfterFlaky => _ => _.DependsOn(Flaky).Executes(Record(nameof(AfterFlaky)));

        public Target Cleanup => _ => _.After(Report).AssuredAfterFailure().Executes(Record(nameof(Cleanup)));
    }

    internal sealed class ConditionalBuild : RecordingBuild
    {
        private bool changed = true;

        public Target Unchanged => _ => _.Executes(() => throw new TargetSkippedException("unchanged since 1.2.0"));

        public Target AfterUnchanged => _ => _.DependsOn(Unchanged).Executes(Record(nameof(AfterUnchanged)));

        public Target Compile => _ => _.Executes(Record(nameof(Compile)));

        public Target Sign => _ => _.DependsOn(Compile).Executes(Record(nameof(Sign)));

        public Target Package => _ => _.DependsOn(Compile).Executes(Record(nameof(Package)));

        public Target Publish => _ => _.DependsOn(Sign).OnlyWhenStatic(() => IsServerBuild).Executes(Record(nameof(Publish)));

        public Target ServerOnly => _ => _.OnlyWhenStatic(() => IsServerBuild).Executes(Record(nameof(ServerOnly)));

        public Target NeedsServer => _ => _.Requires(() => IsServerBuild).Executes(Record(nameof(NeedsServer)));

        public Target Detect => _ => _.Executes(() =>
        {
            changed = false;
            Ran.Add(nameof(Detect));
        });

        public Target WhenChanged => _ => _
            .DependsOn(Detect)
            .OnlyWhenDynamic(() => changed, "data unchanged")
            .Executes(Record(nameof(WhenChanged)));

        public Target BrokenCondition => _ => _
            .OnlyWhenDynamic(() => throw new FileNotFoundException("no state file"))
            .Executes(Record(nameof(BrokenCondition)));

        public Target Async => _ => _.Executes(async () =>
        {
            await Task.Yield();
            Ran.Add(nameof(Async));
        });

        public Target Produce => _ => _.Produces("artifacts/metrics.json").Executes(() => { });
    }

    internal sealed class UnsupportedParameterBuild : BuildDefinition
    {
        [Parameter]
        public Uri? Endpoint;

        public Target Noop => _ => _.Executes(() => { });
    }

    internal sealed class CancellingBuild(CancellationTokenSource cancellation) : RecordingBuild
    {
        public Target First => _ => _.Executes(() =>
        {
            Ran.Add(nameof(First));
            cancellation.Cancel();
        });

        public Target Second => _ => _.DependsOn(First).Executes(Record(nameof(Second)));

        public Target Cleanup => _ => _.After(Second).AssuredAfterFailure().Executes(Record(nameof(Cleanup)));
    }

    internal sealed class ClashingBuild : BuildDefinition
    {
        [Parameter]
        public bool Plan;

        public Target Noop => _ => _.Executes(() => { });
    }
}
