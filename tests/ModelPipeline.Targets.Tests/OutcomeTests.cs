using static ModelPipeline.Targets.Tests.OutcomeBuilds;

namespace ModelPipeline.Targets.Tests;

public sealed class OutcomeTests
{
    [Fact]
    public void Run_AllSucceed_SummaryListsEachTargetAndExitCodeIs0()
    {
        var run = BuildRun.Of(new PipelineBuild(), ["Default"]);

        Assert.Equal(0, run.ExitCode);
        var summary = Summary(run);
        Assert.Equal(["Restore", "Retrain", "Evaluate", "Default"], summary.Keys);
        Assert.Equal(["Succeeded", "Succeeded", "Succeeded", "Collective"], summary.Values);
        Assert.Contains(run.Lines, l => l.StartsWith("Total "));
        Assert.Equal("Build succeeded.", run.Lines[^1]);
    }

    [Fact]
    public void Run_TargetThrows_OneLineMessageDependentsNotRunExitCode1()
    {
        var build = new FailingBuild();

        var run = BuildRun.Of(build, ["Report"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[ERR] Target 'Train' failed: data/churn.csv is empty", run.Output);
        Assert.DoesNotContain("   at ", run.Output);
        var summary = Summary(run);
        Assert.Equal("Failed", summary["Train"]);
        Assert.Equal("NotRun", summary["Evaluate"]);
        Assert.Equal("Build failed: Train.", run.Lines[^1]);
    }

    [Fact]
    public void Run_Finished_ResultsAreAvailableToTheBuild()
    {
        var build = new FailingBuild();

        BuildRun.Of(build, ["Evaluate"]);

        Assert.Equal(
            [("Train", TargetOutcome.Failed), ("Evaluate", TargetOutcome.NotRun)],
            build.Results.Select(r => (r.Name, r.Outcome)));
    }

    [Fact]
    public void Run_TargetThrowsWithVerbose_PrintsStackTrace()
    {
        var run = BuildRun.Of(new FailingBuild(), ["Train", "--verbose"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("InvalidDataException: data/churn.csv is empty", run.Output);
        Assert.Contains("   at ", run.Output);
    }

    [Fact]
    public void Run_FailureWithoutProceed_StopsIndependentTargets()
    {
        var build = new FailingBuild();

        var run = BuildRun.Of(build, ["Train", "Lint"]);

        Assert.Equal("NotRun", Summary(run)["Lint"]);
        Assert.DoesNotContain("Lint", build.Ran);
    }

    [Fact]
    public void Run_FailureWithProceedAfterFailure_RunsIndependentTargetsOnly()
    {
        var build = new FailingBuild();

        var run = BuildRun.Of(build, ["Flaky", "Lint", "AfterFlaky"]);

        Assert.Equal(1, run.ExitCode);
        var summary = Summary(run);
        Assert.Equal("Failed", summary["Flaky"]);
        Assert.Equal("Succeeded", summary["Lint"]);
        Assert.Equal("NotRun", summary["AfterFlaky"]);
    }

    [Fact]
    public void Run_AssuredAfterFailure_RunsEvenAfterFailure()
    {
        var build = new FailingBuild();

        var run = BuildRun.Of(build, ["Report", "Cleanup"]);

        Assert.Equal("Succeeded", Summary(run)["Cleanup"]);
        Assert.Contains("Cleanup", build.Ran);
    }

    [Fact]
    public void Run_Cancelled_LaterTargetsNotRunExceptAssured()
    {
        using var cancellation = new CancellationTokenSource();
        var build = new CancellingBuild(cancellation);
        var host = new BuildHost
        {
            Output = new StringWriter { NewLine = "\n" },
            Environment = new Dictionary<string, string?>(),
            WorkingDirectory = TempDirectory.Shared,
            Cancellation = cancellation.Token,
        };

        var exitCode = BuildRunner.Run(() => build, typeof(CancellingBuild), ["Second", "Cleanup"], null, host);

        Assert.Equal(1, exitCode);
        Assert.Equal(["First", "Cleanup"], build.Ran);
        Assert.Equal(TargetOutcome.NotRun, build.Results.Single(r => r.Name == "Second").Outcome);
        Assert.Equal("cancelled", build.Results.Single(r => r.Name == "Second").Reason);
        Assert.EndsWith("Build cancelled.\n", host.Output.ToString());
    }

    [Fact]
    public void Run_TargetSkipsItself_SummaryShowsReasonAndDependentsRun()
    {
        var build = new ConditionalBuild();

        var run = BuildRun.Of(build, ["AfterUnchanged"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Skipped (unchanged since 1.2.0)", Summary(run)["Unchanged"]);
        Assert.Equal(["AfterUnchanged"], build.Ran);
    }

    [Fact]
    public void Run_OnlyWhenStaticFalse_SkipsWithConditionText()
    {
        var build = new ConditionalBuild();

        var run = BuildRun.Of(build, ["ServerOnly"]);

        Assert.Equal("Skipped (condition 'IsServerBuild' is false)", Summary(run)["ServerOnly"]);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public void Run_OnlyWhenStaticFalse_SkipsDependenciesNeededOnlyByIt()
    {
        var build = new ConditionalBuild();

        var run = BuildRun.Of(build, ["Publish", "Package"]);

        var summary = Summary(run);
        Assert.Equal("Skipped (only needed by skipped 'Publish')", summary["Sign"]);
        Assert.Equal("Succeeded", summary["Compile"]);
        Assert.Equal(["Compile", "Package"], build.Ran);
    }

    [Fact]
    public void Run_OnlyWhenStaticOnServer_Runs()
    {
        var build = new ConditionalBuild();

        BuildRun.Of(build, ["ServerOnly"], new Dictionary<string, string?> { ["CI"] = "true" });

        Assert.Equal(["ServerOnly"], build.Ran);
    }

    [Fact]
    public void Run_OnlyWhenDynamic_EvaluatedJustBeforeTheTarget()
    {
        var build = new ConditionalBuild();

        var run = BuildRun.Of(build, ["WhenChanged"]);

        Assert.Equal(["Detect"], build.Ran);
        Assert.Equal("Skipped (data unchanged)", Summary(run)["WhenChanged"]);
    }

    [Fact]
    public void Run_DynamicConditionThrows_TargetFails()
    {
        var run = BuildRun.Of(new ConditionalBuild(), ["BrokenCondition"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Target 'BrokenCondition' failed: its condition threw: no state file", run.Output);
    }

    [Fact]
    public void Run_RequiredParameterMissing_NamesOptionAndVariableAndRunsNothing()
    {
        var build = new PipelineBuild();

        var run = BuildRun.Of(build, ["Push"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Target 'Push' requires parameter 'Registry' (--registry or REGISTRY).", run.Lines.Single());
        Assert.Empty(build.Ran);
    }

    [Fact]
    public void Run_SeveralRequirementsUnmet_ListsEachOnItsOwnLine()
    {
        var run = BuildRun.Of(new PipelineBuild(), ["Push", "--pipeline", ""]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            ["Target 'Evaluate' requires parameter 'Pipeline' (--pipeline or PIPELINE).", "Target 'Push' requires parameter 'Registry' (--registry or REGISTRY)."],
            run.Lines);
    }

    [Fact]
    public void Run_RequiredParameterGiven_Runs()
    {
        var run = BuildRun.Of(new PipelineBuild(), ["Push"], new Dictionary<string, string?> { ["REGISTRY"] = "localhost:5000" });

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Run_RequiredParameterEmptyOnCommandLine_IsUnmet()
    {
        var run = BuildRun.Of(new PipelineBuild(), ["Evaluate", "--pipeline", ""]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Target 'Evaluate' requires parameter 'Pipeline' (--pipeline or PIPELINE)", run.Output);
    }

    [Fact]
    public void Run_RequiredConditionFalse_QuotesCondition()
    {
        var run = BuildRun.Of(new ConditionalBuild(), ["NeedsServer"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Target 'NeedsServer' requires 'IsServerBuild'.", run.Lines.Single());
    }

    [Fact]
    public void Run_RequirementOfSkippedTarget_IsNotChecked()
    {
        var run = BuildRun.Of(new PipelineBuild(), ["Push", "--skip", "Push"]);

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Run_AsyncAction_IsAwaited()
    {
        var build = new ConditionalBuild();

        var run = BuildRun.Of(build, ["Async"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Async"], build.Ran);
    }

    [Fact]
    public void Run_ProducedFileMissing_Warns()
    {
        var run = BuildRun.Of(new ConditionalBuild(), ["Produce"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[WRN] Target 'Produce' declares it produces 'artifacts/metrics.json', which does not exist.", run.Output);
    }

    [Fact]
    public void Run_ParameterClashesWithEngineOption_FailsWithMessage()
    {
        var run = BuildRun.Of(new ClashingBuild(), ["Noop"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("Build failed: Parameter 'Plan' clashes with the engine option --plan; rename it.", run.Lines.Single());
    }

    [Fact]
    public void Run_ParameterOfUnsupportedType_FailsWithMessage()
    {
        var run = BuildRun.Of(new UnsupportedParameterBuild(), ["Noop"]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Build failed: Parameter 'Endpoint' has type Uri; use string, bool,", run.Lines.Single());
    }

    /// <summary>Target name -> outcome column of the summary table.</summary>
    internal static Dictionary<string, string> Summary(BuildRun run)
    {
        var lines = run.Lines;
        var header = Array.FindIndex(lines, l => l.StartsWith("Target ") && l.Contains("Outcome"));
        var outcomeColumn = lines[header].IndexOf("Outcome", StringComparison.Ordinal);
        var durationColumn = lines[header].IndexOf("Duration", StringComparison.Ordinal);
        return lines.Skip(header + 2)
            .TakeWhile(l => !l.StartsWith("---"))
            .ToDictionary(
                l => l[..outcomeColumn].Trim(),
                l => l[outcomeColumn..Math.Min(l.Length, durationColumn)].Trim());
    }
}
