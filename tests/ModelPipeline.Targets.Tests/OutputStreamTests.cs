namespace ModelPipeline.Targets.Tests;

/// <summary>What the user asked to see goes to standard output, clean enough to paste; the log goes to standard error.</summary>
public sealed class OutputStreamTests
{
    private const string Markdown = "### churn: 1.0.0 → 1.1.0\n\n| metric | 1.0.0 | 1.1.0 | Δ |\n|---|---:|---:|---:|\n| auc | 0.8419 | 0.8474 | +0.0055 |";

    [Fact]
    public void Result_SeparateLog_StandardOutputHoldsOnlyTheResult()
    {
        var run = BuildRun.Separated(new DiffBuild(), ["Diff"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Markdown + "\n", run.Output);
        Assert.Contains("== Diff ==", run.Log);
        Assert.Contains("[INF] comparing 1.0.0 with 1.1.0", run.Log);
        Assert.Contains("Build succeeded.", run.Log);
        Assert.DoesNotContain("[INF] ###", run.Log);
    }

    [Fact]
    public void Result_OnGitHubActions_EverythingOnStandardOutput()
    {
        var run = BuildRun.Separated(new DiffBuild(), ["Diff"], new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true" });

        Assert.Equal("", run.Log);
        Assert.Contains("::group::Diff", run.Output);
        Assert.Contains(Markdown, run.Output);
    }

    [Fact]
    public void UsageError_GoesToTheLog()
    {
        var run = BuildRun.Separated(new DiffBuild(), ["Dif"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("Unknown target 'Dif'. Did you mean 'Diff'?", run.Log);
    }

    [Fact]
    public void Help_GoesToStandardOutput()
    {
        var run = BuildRun.Separated(new DiffBuild(), ["--help"]);

        Assert.StartsWith("Usage: ", run.Output);
        Assert.Equal("", run.Log);
    }

    private sealed class DiffBuild : BuildDefinition
    {
        public Target Diff => _ => _.Executes(() =>
        {
            Log.Information("comparing 1.0.0 with 1.1.0");
            Log.Result(Markdown);
        });
    }
}
