namespace ModelPipeline.Build.Tests;

/// <summary>A run under a fake GitHub Actions environment: groups, masks, step summary and outputs.</summary>
[Collection(nameof(ProcessEnvironmentCollection))]
public sealed class GitHubActionsRunTests
{
    private const string Secret = "s3cr3t-registry-token";

    [Fact]
    public void CompareWithChampion_OnGitHubActions_WritesGroupsMasksSummaryAndOutputs()
    {
        using var workspace = new PipelineWorkspace();
        var outputs = Path.Combine(workspace.Root, "github-output.txt");
        var summary = Path.Combine(workspace.Root, "github-summary.md");
        var environment = new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["CI"] = "true",
            ["GITHUB_OUTPUT"] = outputs,
            ["GITHUB_STEP_SUMMARY"] = summary,
            ["REGISTRY_PASSWORD"] = Secret,
        };
        using (new EnvironmentScope(environment))
        {
            var (exit, output) = workspace.Build(environment, "CompareWithChampion");

            Assert.True(exit == 0, output);
            Assert.StartsWith($"::add-mask::{Secret}", output);
            Assert.Single(output.Split(Secret)[1..]);
            Assert.Contains("::group::Retrain", output);
            Assert.Contains("::endgroup::", output);
            var written = File.ReadAllText(outputs);
            Assert.Contains("version", written);
            Assert.Contains("1.0.0", written);
            Assert.Contains("promoted", written);
            Assert.Contains("true", written);
            Assert.Contains("first model", File.ReadAllText(summary));
        }
    }
}
