namespace ModelPipeline.Targets.Tests;

public sealed class HookTests
{
    [Fact]
    public void Run_Build_CallsHooksAroundTargetsWithParametersFilled()
    {
        var build = new HookedBuild();

        BuildRun.Of(build, ["Work", "--name", "x"]);

        Assert.Equal(["initialized x", "Work", "finished 1"], build.Ran);
    }

    [Fact]
    public void Help_DoesNotCallHooks()
    {
        var build = new HookedBuild();

        BuildRun.Of(build, ["--help"]);

        Assert.Empty(build.Ran);
    }

    private sealed class HookedBuild : RecordingBuild
    {
        [Parameter]
        public string Name = "";

        public Target Work => _ => _.Executes(Record(nameof(Work)));

        protected override void OnBuildInitialized() => Ran.Add($"initialized {Name}");

        protected override void OnBuildFinished() => Ran.Add($"finished {Results.Count}");
    }
}
