namespace ModelPipeline.Targets.Tests;

/// <summary>A mistake in the user's input: its lines once, as they are, exit code 2, no table of targets that never started.</summary>
public sealed class InputMistakeTests
{
    private const string Typo = "pipelines/churn.yaml:9:3: data.labl: unknown key; expected one of files, label (did you mean 'label'?)";
    private const string Range = "pipelines/churn.yaml:18:13: split.holdout: expected a number between 0 and 1 (exclusive), got '1.5'";

    [Fact]
    public void Run_TargetThrowsAnInputMistake_PrintsEachLineOnceAndNoSummary()
    {
        var run = BuildRun.Of(new MistakenBuild(), ["Report"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["== Retrain ==", Typo, Range], run.Lines);
    }

    [Fact]
    public void Run_InputMistakeAfterOtherTargets_StillNoSummary()
    {
        var run = BuildRun.Of(new MistakenBuild(), ["Report", "--late"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(Typo, run.Lines[^2]);
        Assert.DoesNotContain(run.Lines, l => l.Contains("NotRun") || l.Contains("Outcome") || l.StartsWith("Build "));
        Assert.Single(run.Lines, l => l == Typo);
    }

    [Fact]
    public void Run_OtherFailure_KeepsTheSummary()
    {
        var run = BuildRun.Of(new MistakenBuild(), ["Report", "--crash"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.Lines, l => l.StartsWith("Report") && l.Contains("NotRun"));
        Assert.Equal("Build failed: Retrain.", run.Lines[^1]);
    }

    [Fact]
    public void Run_InputMistakeOnGitHubActions_AnnotatesFileLineAndColumn()
    {
        var run = BuildRun.Of(new MistakenBuild(), ["Report"], new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true" });

        Assert.Contains("::error file=pipelines/churn.yaml,line=9,col=3::data.labl: unknown key; expected one of files, label (did you mean 'label'?)", run.Lines);
        Assert.Contains("::error file=pipelines/churn.yaml,line=18,col=13::split.holdout: expected a number between 0 and 1 (exclusive), got '1.5'", run.Lines);
    }

    [Fact]
    public void Run_InputMistakeWithoutPosition_AnnotatesTheLine()
    {
        var run = BuildRun.Of(new MistakenBuild(), ["Report", "--unknown-pipeline"], new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true" });

        Assert.Contains("Unknown pipeline 'chrun'. Did you mean 'churn'?", run.Lines);
        Assert.Contains("::error::Unknown pipeline 'chrun'. Did you mean 'churn'?", run.Lines);
    }

    private sealed class MistakenBuild : BuildDefinition
    {
        [Parameter]
        public bool Late;

        [Parameter]
        public bool Crash;

        [Parameter]
        public bool UnknownPipeline;

        public Target Restore => _ => _.OnlyWhenStatic(() => Late).Executes(() => Log.Information("restored"));

        public Target Retrain => _ => _.DependsOn(Restore).Executes(() => throw (
            Crash ? new InvalidOperationException("engine crashed")
            : UnknownPipeline ? new FormatException("Unknown pipeline 'chrun'. Did you mean 'churn'?")
            : new FormatException($"{Typo}\n{Range}\n{Typo}")));

        public Target Evaluate => _ => _.DependsOn(Retrain).Executes(() => { });

        public Target Report => _ => _.DependsOn(Evaluate).Executes(() => { });

        protected override bool IsInputMistake(Exception error) => error is FormatException;
    }
}
