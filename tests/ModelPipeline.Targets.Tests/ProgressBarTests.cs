namespace ModelPipeline.Targets.Tests;

public sealed class ProgressBarTests
{
    [Fact]
    public void Progress_Terminal_RedrawsOneLineAndEndsAtTheTotal()
    {
        var run = BuildRun.Of(new WorkingBuild(), ["Work"], terminal: true);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\r\u001b[2K", run.Output);
        var last = run.Output.Split('\r').Last(s => s.Contains("trials [", StringComparison.Ordinal));
        Assert.Contains("[########################] 4/4 100%", last);
        Assert.Contains("d=4", last);
        Assert.DoesNotContain(run.Lines, l => l.Contains("[INF] trials", StringComparison.Ordinal));
    }

    [Fact]
    public void Progress_Terminal_LogLinesAppearAboveTheBar()
    {
        var run = BuildRun.Of(new WorkingBuild(), ["Work"], terminal: true);

        // The bar is cleared, the line written on a line of its own, then the bar is drawn again below it.
        var between = run.Output[run.Output.IndexOf("trials [", StringComparison.Ordinal)..];
        Assert.Matches(@"\r\u001b\[2K\d\d:\d\d:\d\d \[INF\] halfway\n\r\u001b\[2K(\u001b\[36m)?trials \[", between);
    }

    [Theory]
    [InlineData("CI", "true")]
    [InlineData("GITHUB_ACTIONS", "true")]
    public void Progress_ServerBuild_WritesPlainLines(string variable, string value)
    {
        var run = BuildRun.Of(new WorkingBuild(), ["Work"], new Dictionary<string, string?> { [variable] = value }, terminal: true);

        Assert.DoesNotContain("\r", run.Output);
        Assert.Contains("[INF] trials 1/4: d=1", run.Lines);
        Assert.Contains("[INF] trials 4/4: d=4", run.Lines);
        Assert.Contains("[INF] rounds 10/100", run.Lines);
        Assert.Contains("[INF] rounds 100/100", run.Lines);
        Assert.Equal(10, run.Lines.Count(l => l.StartsWith("[INF] rounds ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Progress_RedirectedOutput_WritesPlainLines()
    {
        var run = BuildRun.Of(new WorkingBuild(), ["Work"]);

        Assert.DoesNotContain("\r", run.Output);
        Assert.Contains(run.Lines, l => l.EndsWith("[INF] trials 2/4: d=2", StringComparison.Ordinal));
    }

    [Fact]
    public void Progress_ReportsOutOfOrder_NeverMoveBack()
    {
        var build = new WorkingBuild();
        BuildRun.Of(build, ["Shuffled"], terminal: true);

        Assert.Equal(3, build.Final);
    }

    [Fact]
    public void Progress_Terminal_WorkEndingEarlyShowsStepsTaken()
    {
        var run = BuildRun.Of(new WorkingBuild(), ["Converge"], terminal: true);

        var last = run.Output.Split('\r').Last(s => s.Contains("lbfgs [", StringComparison.Ordinal));
        Assert.Contains("[########################] done after 41 of at most 500 in 0:0", last);
    }

    private sealed class WorkingBuild : BuildDefinition
    {
        public int Final { get; private set; }

        public Target Work => _ => _.Executes(() =>
        {
            using (var trials = Log.Progress("trials", 4))
            {
                for (var i = 1; i <= 4; i++)
                {
                    trials.Report(i, $"d={i}");
                    if (i == 2)
                    {
                        Log.Information("halfway");
                    }
                }
            }

            using var rounds = Log.Progress("rounds", 100);
            for (var i = 1; i <= 100; i++)
            {
                rounds.Report(i);
            }
        });

        public Target Converge => _ => _.Executes(() =>
        {
            using var bar = Log.Progress("lbfgs", 500);
            bar.Report(41);
        });

        public Target Shuffled => _ => _.Executes(() =>
        {
            using var bar = Log.Progress("trials", 5);
            bar.Report(3);
            bar.Report(2);
            Final = bar.Done;
        });
    }
}
