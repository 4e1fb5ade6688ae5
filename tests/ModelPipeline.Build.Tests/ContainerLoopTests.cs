using ModelPipeline.Registry;

namespace ModelPipeline.Build.Tests;

/// <summary>
/// The whole loop against the real Docker engine that `./build.sh Test` starts (scripts/start-services.sh) and the
/// tests' own OCI registry: train, promote, build, run and smoke-test the image, push, read the digest back.
/// </summary>
[Collection(TestRegistryCollection.Name)]
public sealed class ContainerLoopTests(TestRegistryFixture registry)
{
    [Fact]
    public void Build_Push_PushesThePromotedChampionImage_ThenAnUnreachableRegistryFailsCleanly()
    {
        RequireServices();
        using var workspace = new PipelineWorkspace();
        // A repository in the tests' namespace: every tag the run leaves in the engine (even the failed push's) is theirs.
        var repository = $"{registry.Namespace}/churn-loop-test";
        workspace.Edit("pipelines/churn.yaml", "repository: modelpipeline/churn", $"repository: {repository}");

        var (exit, output) = workspace.Build(new Dictionary<string, string?> { ["REGISTRY"] = registry.Address }, "Push"); // DeployTests runs the default target

        Assert.True(exit == 0, output);
        Assert.Contains("Smoke test passed", output);
        var image = Assert.Single(ModelRegistry.Open(workspace.Models, "churn").Images());
        Assert.Equal("1.0.0", image.Version);
        Assert.StartsWith("sha256:", image.Digest);
        Assert.Contains("champion", image.Tags);
        Assert.Contains($"{registry.Address}/{repository}@{image.Digest}", image.Reference);
        ImageSize_IsLoggedInTheEnginesUnit(output);

        var before = workspace.RegistrySnapshot();
        (exit, output) = workspace.Build("Push", "--skip", "--registry", "127.0.0.1:5999");

        Assert.Equal(1, exit);
        Assert.Contains("127.0.0.1:5999", output);
        Assert.DoesNotContain("   at ", output);
        Assert.Equal(before, workspace.RegistrySnapshot());
    }

    [Fact]
    public void Build_ChurnSklearn_TrainsInPythonThenServesTheOnnxModelFromItsImage()
    {
        RequireServices();
        DebianPackages.RequirePythonTraining();
        using var workspace = new PipelineWorkspace();
        var repository = $"{registry.Namespace}/churn-sklearn-loop-test";
        workspace.Edit("pipelines/churn_sklearn.yaml", "repository: modelpipeline/churn-sklearn", $"repository: {repository}");

        var (exit, output) = workspace.Build(new Dictionary<string, string?> { ["REGISTRY"] = registry.Address }, "Push", "--pipeline", "churn_sklearn"); // Push, not the default run: no serving container is deployed

        Assert.True(exit == 0, output);
        Assert.Contains("  | fitted LogisticRegression(C=1.0)", output);
        Assert.Contains("Model server ModelPipeline.Serving.Onnx", output);
        Assert.Contains("Smoke test passed", output);
        var models = ModelRegistry.Open(workspace.Models, "churn_sklearn");
        Assert.Equal("onnx", models.GetVersion("champion").ModelKind);
        var image = Assert.Single(models.Images());
        Assert.StartsWith("sha256:", image.Digest);
        Assert.Contains($"{registry.Address}/{repository}@{image.Digest}", image.Reference);
    }

    /// <summary>"Built ... (35.9 MB)": decimal megabytes, the figure `docker images` shows for the same image (not 34.2 MiB called MB).</summary>
    private static void ImageSize_IsLoggedInTheEnginesUnit(string output)
    {
        var built = System.Text.RegularExpressions.Regex.Match(output, @"Built (\S+) \(([0-9.]+) MB\)");
        Assert.True(built.Success, output);
        var connection = ModelPipeline.Containers.Engine.DockerEngine.TryConnectAsync().GetAwaiter().GetResult();
        Assert.True(connection.Client is not null, connection.Reason);
        var inspected = connection.Client.InspectImageAsync(built.Groups[1].Value).GetAwaiter().GetResult();
        var bytes = inspected?.Size ?? throw new InvalidOperationException($"the engine does not know {built.Groups[1].Value}");
        Assert.Equal((bytes / 1e6).ToString("F1", System.Globalization.CultureInfo.InvariantCulture), built.Groups[2].Value);
    }

    internal static void RequireServices()
    {
        if (!File.Exists("/tmp/modelpipeline/docker.sock") && !File.Exists("/var/run/docker.sock"))
        {
            Assert.Fail("No Docker engine: run ./build.sh Test (it starts one with scripts/start-services.sh) or scripts/start-services.sh as root.");
        }
    }
}
