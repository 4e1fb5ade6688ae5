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

        // Credentials are set as a CI job sets them: they must reach the registry and appear nowhere else.
        var password = "mp-password-" + Guid.NewGuid().ToString("N");
        var token = "ghp_" + Guid.NewGuid().ToString("N");
        var environment = new Dictionary<string, string?>
        {
            ["REGISTRY"] = registry.Address, ["REGISTRY_USERNAME"] = "mp-user", ["REGISTRY_PASSWORD"] = password, ["GITHUB_TOKEN"] = token,
        };
        var (exit, output) = workspace.Build(environment, "Push"); // DeployTests runs the default target

        Assert.True(exit == 0, output);
        Secrets_AppearNowhere(workspace, output, [password, token, Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("mp-user:" + password))]);
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

    /// <summary>
    /// No secret in the console output, in any file of the workspace (artifacts, registry, reports, logs), or in the built
    /// image's configuration (labels, environment, command) and layer history.
    /// </summary>
    private static void Secrets_AppearNowhere(PipelineWorkspace workspace, string output, string[] secrets)
    {
        var built = System.Text.RegularExpressions.Regex.Match(output, @"Built (\S+) \(").Groups[1].Value;
        var connection = ModelPipeline.Containers.Engine.DockerEngine.TryConnectAsync().GetAwaiter().GetResult();
        Assert.True(connection.Client is not null, connection.Reason);
        var inspected = connection.Client.InspectImageAsync(built).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException($"the engine does not know {built}");
        var places = new List<(string Place, string Text)>
        {
            ("console output", output),
            ("image configuration", System.Text.Json.JsonSerializer.Serialize(inspected)),
            ("image history", ImageHistory(connection.Client.SocketPath, built)),
        };
        places.AddRange(Directory.EnumerateFiles(workspace.Root, "*", SearchOption.AllDirectories)
            .Select(file => (Path.GetRelativePath(workspace.Root, file), System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(file)))));

        var hits = places.SelectMany(p => secrets.Where(secret => p.Text.Contains(secret, StringComparison.Ordinal)).Select(_ => p.Place)).ToArray();

        Assert.True(hits.Length == 0, $"a secret appears in: {string.Join(", ", hits)}");
        Assert.True(places.Count > 20, $"only {places.Count} places searched");
    }

    private static string ImageHistory(string socket, string image)
    {
        var info = new System.Diagnostics.ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--host", "unix://" + socket, "history", "--no-trunc", "--format", "{{.CreatedBy}}", image })
        {
            info.ArgumentList.Add(argument);
        }

        using var docker = System.Diagnostics.Process.Start(info)!;
        var history = docker.StandardOutput.ReadToEnd();
        var errors = docker.StandardError.ReadToEnd();
        docker.WaitForExit();
        Assert.True(docker.ExitCode == 0, $"docker history {image}: {errors}");
        return history;
    }

    internal static void RequireServices()
    {
        if (!File.Exists("/tmp/modelpipeline/docker.sock") && !File.Exists("/var/run/docker.sock"))
        {
            Assert.Fail("No Docker engine: run ./build.sh Test (it starts one with scripts/start-services.sh) or scripts/start-services.sh as root.");
        }
    }
}
