namespace ModelPipeline.Targets.Tests;

public sealed class ExecutionOrderTests
{
    [Fact]
    public void Run_TargetsOnCommandLine_RunWithDependenciesInOrderOnceEach()
    {
        var build = new PipelineBuild();

        var run = BuildRun.Of(build, ["Retrain", "Evaluate"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Restore", "Retrain", "Evaluate"], build.Ran);
    }

    [Fact]
    public void Run_TargetNamesInAnyCase_AreAccepted()
    {
        var build = new PipelineBuild();

        var run = BuildRun.Of(build, ["retrain"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Restore", "Retrain"], build.Ran);
    }

    [Fact]
    public void Run_NoTarget_RunsDefaultTarget()
    {
        var build = new PipelineBuild();

        var run = BuildRun.Of(build, [], defaultTarget: x => x.Default);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Restore", "Retrain", "Evaluate"], build.Ran);
        Assert.Contains("Collective", run.Output);
    }

    [Fact]
    public void Execute_PublicEntryPoint_CreatesBuildAndRuns()
    {
        var run = BuildRun.Execute<PipelineBuild>(["--plan"], defaultTarget: x => x.Default);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["1. Restore", "2. Retrain", "3. Evaluate", "4. Default"], run.Lines);
    }

    [Fact]
    public void Run_NoTargetAndNoDefault_IsUsageErrorWithHelp()
    {
        var run = BuildRun.Of(new PipelineBuild(), []);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No target given", run.Output);
        Assert.Contains("Targets (-> what each needs first; after: what runs it too):", run.Output);
    }

    [Fact]
    public void Run_MisspeltTarget_SuggestsClosestName()
    {
        var build = new PipelineBuild();

        var run = BuildRun.Of(build, ["Retrian"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Unknown target 'Retrian'. Did you mean 'Retrain'?", run.Lines.Single());
        Assert.Empty(build.Ran);
    }

    [Fact]
    public void Run_UnknownTargetFarFromAny_ListsTargets()
    {
        var run = BuildRun.Of(new PipelineBuild(), ["Deploy"]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("Unknown target 'Deploy'. Targets: Restore, Retrain", run.Output);
    }

    [Fact]
    public void Run_DependentFor_AddsThisTargetAsDependency()
    {
        var build = new OrderingBuild();

        BuildRun.Of(build, ["Compile"]);

        Assert.Equal(["Setup", "Compile"], build.Ran);
    }

    [Fact]
    public void Run_AfterAndBefore_OrderOnlyWithoutAddingTargets()
    {
        var alone = new OrderingBuild();
        BuildRun.Of(alone, ["Report"]);
        Assert.Equal(["Report"], alone.Ran);

        var both = new OrderingBuild();
        BuildRun.Of(both, ["Report", "Test", "Lint"]);
        Assert.Equal(["Setup", "Lint", "Compile", "Test", "Report"], both.Ran);
    }

    [Fact]
    public void Run_Triggers_ScheduleTriggeredTargetsAfterwards()
    {
        var build = new OrderingBuild();

        BuildRun.Of(build, ["Publish"]);

        Assert.Equal(["Publish", "Notify", "Archive"], build.Ran);
    }

    [Fact]
    public void Run_Cycle_IsUsageErrorNamingTheCycle()
    {
        var run = BuildRun.Of(new CyclicBuild(), ["A"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Targets form a cycle: A -> B -> C -> A.", run.Lines.Single());
    }

    private sealed class OrderingBuild : RecordingBuild
    {
        public Target Setup => _ => _.DependentFor(Compile).Executes(Record(nameof(Setup)));

        public Target Compile => _ => _.Executes(Record(nameof(Compile)));

        public Target Test => _ => _.DependsOn(Compile).Executes(Record(nameof(Test)));

        public Target Report => _ => _.After(Test).Executes(Record(nameof(Report)));

        public Target Lint => _ => _.Before(Compile).Executes(Record(nameof(Lint)));

        public Target Publish => _ => _.Triggers(Notify).Executes(Record(nameof(Publish)));

        public Target Notify => _ => _.Executes(Record(nameof(Notify)));

        public Target Archive => _ => _.TriggeredBy(Notify).Executes(Record(nameof(Archive)));
    }

    private sealed class CyclicBuild : RecordingBuild
    {
        public Target A => _ => _.DependsOn(B).Executes(Record(nameof(A)));

        public Target B => _ => _.DependsOn(C).Executes(Record(nameof(B)));

        public Target C => _ => _.DependsOn(A).Executes(Record(nameof(C)));
    }
}
