namespace ModelPipeline.Targets.Tests;

/// <summary>The summary table fits the terminal (100 columns when the log is not one); the full reasons are in the log above it.</summary>
public sealed class SummaryWidthTests
{
    private static readonly string LongReason =
        "unchanged since 1.0.0 (champion): same data 1542577e5c1146d4cb0165a31cae43e5767028e683e976cf045fcd53dadf900e " +
        "and config 254ec1b1052be50c35feb11916f860663921b5f287778ac2a772ede91e7a97d8; --force retrains";

    [Fact]
    public void Summary_LongSkipReasonNotATerminal_FitsIn100ColumnsAndTheReasonIsLoggedInFull()
    {
        var run = BuildRun.Of(new SkippingBuild(), ["Publish"]);

        Assert.Equal(0, run.ExitCode);
        Assert.True(LongReason.Length > 200);
        var table = run.Lines.SkipWhile(l => !l.StartsWith("---")).ToArray();
        Assert.True(table.Length >= 9, run.Output);
        Assert.All(table, l => Assert.True(l.Length <= 100, $"{l.Length} columns: {l}"));
        Assert.Contains(run.Lines, l => l.EndsWith($"[INF] Skipped: {LongReason}"));
        Assert.Contains(run.Lines, l => l.EndsWith($"[INF] Report: Skipped (condition '{SkippingBuild.LongCondition}' is false)"));
        var retrain = Assert.Single(run.Lines, l => l.StartsWith("Retrain ") && l.Contains("Skipped (unchanged since 1.0.0"));
        Assert.Contains("…)", retrain);
        Assert.Contains(run.Lines, l => l.StartsWith("Publish ") && l.Contains("Succeeded"));
    }

    [Fact]
    public void Summary_Terminal_FitsItsWidth()
    {
        var run = BuildRun.Separated(new SkippingBuild(), ["Publish"], terminal: true, columns: 60);

        var table = run.LogLines.SkipWhile(l => !l.StartsWith("---")).Where(l => !l.StartsWith("Build ")).ToArray();
        Assert.NotEmpty(table);
        Assert.All(table, l => Assert.True(l.Length <= 60, $"{l.Length} columns: {l}"));
    }

    [Fact]
    public void Summary_ShortReasons_AreNotCut()
    {
        var run = BuildRun.Of(new OutcomeBuilds.ConditionalBuild(), ["Unchanged"]);

        Assert.Equal("Skipped (unchanged since 1.2.0)", OutcomeTests.Summary(run)["Unchanged"]);
        Assert.DoesNotContain("…", run.Output);
    }

    private sealed class SkippingBuild : BuildDefinition
    {
        public const string LongCondition = "RunningOnGitHubActionsWithAPullRequestEventAndATokenThatMayWriteCommitStatuses";

        public Target Retrain => _ => _.Executes(() => throw new TargetSkippedException(LongReason));

        public Target Report => _ => _.OnlyWhenStatic(() => RunningOnGitHubActionsWithAPullRequestEventAndATokenThatMayWriteCommitStatuses)
            .Executes(() => { });

        public Target Publish => _ => _.DependsOn(Retrain, Report).Executes(() => { });

        private bool RunningOnGitHubActionsWithAPullRequestEventAndATokenThatMayWriteCommitStatuses => false;
    }
}
