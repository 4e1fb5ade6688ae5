using ModelPipeline.Registry;

namespace ModelPipeline.Build.Tests;

/// <summary>REGISTRY with a path, as the generated workflow sets it (ghcr.io/&lt;owner&gt;): host for the client, path in the repository.</summary>
[Collection(TestRegistryCollection.Name)]
public sealed class RegistryPathTests(TestRegistryFixture registry)
{
    [Theory]
    [InlineData("ghcr.io/Octo-Org", "modelpipeline/churn", "ghcr.io", "octo-org/modelpipeline/churn")]
    [InlineData("ghcr.io", "modelpipeline/churn", "ghcr.io", "modelpipeline/churn")]
    [InlineData("127.0.0.1:5000/team/ml/", "churn", "127.0.0.1:5000", "team/ml/churn")]
    public void PushDestination_RegistryWithPath_HostAndRepositoryUnderThePath(string registry, string repository, string host, string expected)
    {
        Assert.Equal((host, expected), PipelineRun.PushDestination(registry, repository));
    }

    [Fact]
    public void Push_RegistryWithOwnerPath_PushesUnderThatPath()
    {
        Assert.True(File.Exists("/tmp/modelpipeline/docker.sock") || File.Exists("/var/run/docker.sock"),
            "No Docker engine: run ./build.sh Test (it starts one with scripts/start-services.sh) or scripts/start-services.sh as root.");
        using var workspace = new PipelineWorkspace();
        workspace.Edit("pipelines/churn.yaml", "repository: modelpipeline/churn", "repository: modelpipeline/churn-path-test");

        var (exit, output) = workspace.Build(new Dictionary<string, string?> { ["REGISTRY"] = $"{registry.Address}/Acme" }, "Push");

        Assert.True(exit == 0, output);
        var image = Assert.Single(ModelRegistry.Open(workspace.Models, "churn").Images());
        Assert.StartsWith($"{registry.Address}/acme/modelpipeline/churn-path-test@{image.Digest}", image.Reference);
    }
}
