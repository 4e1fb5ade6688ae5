using System.Text.RegularExpressions;

namespace ModelPipeline.Targets.Tests;

public sealed class BuildLogTests
{
    [Fact]
    public void Log_LocalBuild_PrefixesTimestampAndLevel()
    {
        var run = BuildRun.Of(new LoggingBuild(), ["Talk"]);

        Assert.Contains(run.Lines, l => Regex.IsMatch(l, @"^\d\d:\d\d:\d\d \[INF\] information$"));
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, @"^\d\d:\d\d:\d\d \[WRN\] warning$"));
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, @"^\d\d:\d\d:\d\d \[ERR\] error$"));
        Assert.DoesNotContain("debug", run.Output);
    }

    [Fact]
    public void Log_ServerBuild_HasNoTimestamps()
    {
        var run = BuildRun.Of(new LoggingBuild(), ["Talk"], new Dictionary<string, string?> { ["CI"] = "true" });

        Assert.Contains("[INF] information", run.Lines);
        Assert.Contains("[INF] success", run.Lines);
    }

    [Fact]
    public void Log_Verbose_WritesDebugLines()
    {
        var run = BuildRun.Of(new LoggingBuild(), ["Talk", "--verbose"], new Dictionary<string, string?> { ["CI"] = "1" });

        Assert.Contains("[DBG] debug", run.Lines);
    }

    [Fact]
    public void Log_Terminal_UsesColours()
    {
        var run = BuildRun.Of(new LoggingBuild(), ["Talk"], terminal: true);

        Assert.Contains("\u001b[33m", run.Output);
    }

    [Theory]
    [InlineData("CI", "true")]
    [InlineData("NO_COLOR", "1")]
    public void Log_TerminalOnCiOrNoColor_HasNoColours(string variable, string value)
    {
        var run = BuildRun.Of(new LoggingBuild(), ["Talk"], new Dictionary<string, string?> { [variable] = value }, terminal: true);

        Assert.DoesNotContain("\u001b[", run.Output);
    }

    [Fact]
    public void Log_NotTerminal_HasNoColours()
    {
        var run = BuildRun.Of(new LoggingBuild(), ["Talk"]);

        Assert.DoesNotContain("\u001b[", run.Output);
    }

    [Fact]
    public void Log_OnGitHubActions_WarningBecomesAnnotation()
    {
        var run = BuildRun.Of(new LoggingBuild(), ["Talk"], new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true" });

        Assert.Contains("::warning::warning", run.Lines);
        Assert.Contains("::error::error", run.Lines);
    }

    [Fact]
    public void Build_ServerFlags_FollowEnvironment()
    {
        var local = new LoggingBuild();
        BuildRun.Of(local, ["Talk"]);
        var actions = new LoggingBuild();
        BuildRun.Of(actions, ["Talk"], new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true" });

        Assert.True(local.IsLocalBuild);
        Assert.False(local.IsGitHubActions);
        Assert.True(actions.IsServerBuild);
        Assert.True(actions.IsGitHubActions);
    }

    private sealed class LoggingBuild : BuildDefinition
    {
        public Target Talk => _ => _.Executes(() =>
        {
            Log.Debug("debug");
            Log.Information("information");
            Log.Warning("warning");
            Log.Error("error");
            Log.Success("success");
        });
    }
}
