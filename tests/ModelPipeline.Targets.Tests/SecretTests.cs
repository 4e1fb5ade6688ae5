namespace ModelPipeline.Targets.Tests;

public sealed class SecretTests
{
    private const string Token = "s3cr3t-token-value";

    [Fact]
    public void Run_SecretValueInLog_IsMasked()
    {
        var run = BuildRun.Of(new PipelineBuild(), ["Push", "--registry", "r", "--registry-token", Token]);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(Token, run.Output);
        Assert.Contains("pushing with ***", run.Output);
    }

    [Fact]
    public void Run_SecretInFailureMessage_IsMasked()
    {
        var run = BuildRun.Of(new LeakingBuild(), ["Leak", "--verbose"], new Dictionary<string, string?> { ["API_KEY"] = Token });

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain(Token, run.Output);
        Assert.Contains("Target 'Leak' failed: rejected key ***", run.Output);
        Assert.Contains("ApiKey = *** (from environment variable API_KEY)", run.Output);
    }

    [Fact]
    public void Run_BadSecretValue_IsNotEchoed()
    {
        var run = BuildRun.Of(new LeakingBuild(), ["Leak", "--pin", "12ab"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Invalid value '***' for parameter 'Pin' (--pin, from the command line): expected int.", run.Lines.Single());
    }

    [Fact]
    public void Help_SecretDefault_IsNotShown()
    {
        var run = BuildRun.Of(new LeakingBuild(), ["--help"]);

        Assert.DoesNotContain("default-key", run.Output);
        Assert.Contains(run.Lines, l => l.StartsWith("  --api-key <string>") && l.EndsWith("<secret>"));
    }

    [Fact]
    public void Run_OnGitHubActions_AddsMasksFirstAndGroupsTargets()
    {
        var environment = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["REGISTRY_TOKEN"] = Token };

        var run = BuildRun.Of(new PipelineBuild(), ["Retrain"], environment);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Lines;
        Assert.Equal($"::add-mask::{Token}", lines[0]);
        Assert.Equal(1, lines.Count(l => l.Contains(Token)));
        var group = Array.IndexOf(lines, "::group::Retrain");
        Assert.True(group > 0);
        Assert.Equal("::endgroup::", lines.Skip(group + 1).First(l => l.StartsWith("::")));
    }

    [Fact]
    public void Run_OnGitHubActions_FailureBecomesErrorAnnotation()
    {
        var run = BuildRun.Of(new LeakingBuild(), ["Leak"], new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true" });

        Assert.Contains("::error::Target 'Leak' failed: rejected key ***", run.Lines);
        Assert.Equal(["::add-mask::default-key"], run.Lines.Where(l => l.StartsWith("::add-mask::")));
    }

    [Fact]
    public void Mask_SecretContainingAnother_MasksTheLongerWhole()
    {
        var inner = new StringWriter();
        var writer = new MaskingWriter(inner, ["abc", "abcdef"]);

        writer.Write("x abcdef y ");
        writer.WriteLine("abc");
        writer.Write("tail abc");
        writer.Flush();

        Assert.Equal("x *** y ***\ntail ***", inner.ToString().Replace("\r", ""));
    }

    private sealed class LeakingBuild : BuildDefinition
    {
        [Parameter("API key")]
        [Secret]
        public string ApiKey = "default-key";

        [Parameter("PIN")]
        [Secret]
        public int Pin;

        public Target Leak => _ => _.Executes(() => throw new InvalidOperationException($"rejected key {ApiKey}"));
    }
}
