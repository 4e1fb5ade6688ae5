using System.Text.Json.Nodes;
using ModelPipeline.GitHub.Tests;
using ModelPipeline.Registry;

namespace ModelPipeline.Build.Tests;

/// <summary>
/// The generated workflow's jobs run one after another in one workspace, as the artifacts hand them on, under a fake
/// GitHub Actions environment whose API is a loopback server: each job runs only what it names (`--skip`).
/// </summary>
[Collection(nameof(ProcessEnvironmentCollection))]
public sealed class GitHubStageJobTests(ChampionRegistryFixture champion) : IClassFixture<ChampionRegistryFixture>
{
    private const string Repository = "octokit-fixture-org/release-assets";

    private static Dictionary<string, string?> ActionsEnvironment(PipelineWorkspace workspace, FakeGitHub github) => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["CI"] = "true",
        ["GITHUB_OUTPUT"] = Path.Combine(workspace.Root, "github-output.txt"),
        ["GITHUB_STEP_SUMMARY"] = Path.Combine(workspace.Root, "github-summary.md"),
        ["GITHUB_TOKEN"] = "t0ken",
        ["GITHUB_REPOSITORY"] = Repository,
        ["GITHUB_SHA"] = "abc123",
        ["GITHUB_REF"] = "refs/heads/main",
        ["GITHUB_REF_NAME"] = "main",
        ["GITHUB_API_URL"] = github.BaseUrl,
    };

    private static string FixtureResponse(string file, int index) =>
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.Fixture(file)))!.AsArray()[index]!["response"]!.ToJsonString();

    [Fact]
    public void StageJobs_WithSkip_ReportOnlyInTheReportJobAndReleaseOnceThroughTheClient()
    {
        using var workspace = new PipelineWorkspace();
        using var github = new FakeGitHub()
            .On("POST", $"/repos/{Repository}/statuses/", 201, FixtureResponse("create-status.json", 1))
            .On("GET", $"/repos/{Repository}/releases/tags/", 404, """{"message":"Not Found"}""")
            .On("GET", $"/repos/{Repository}/releases/tags/", 200, FixtureResponse("release-assets.json", 0))
            .On("POST", $"/repos/{Repository}/releases", 201, FixtureResponse("release-assets.json", 0))
            .On("POST", $"/repos/{Repository}/releases/1000/assets", 201, FixtureResponse("release-assets.json", 1));
        using var environment = new EnvironmentScope(ActionsEnvironment(workspace, github));
        var outputs = environment.Variables["GITHUB_OUTPUT"]!;

        var retrain = workspace.Build(environment.Variables, "Retrain", "--skip");
        var compare = workspace.Build(environment.Variables, "Evaluate", "CompareWithChampion", "--skip");

        Assert.True(retrain.ExitCode == 0, retrain.Output);
        Assert.True(compare.ExitCode == 0, compare.Output);
        // The compare job says only whether the champion changed (the deploy job's condition); reporting is the report job's.
        Assert.Equal(["champion-changed-churn"], File.ReadAllLines(outputs).Where(l => l.Contains("<<", StringComparison.Ordinal)).Select(l => l[..l.IndexOf("<<", StringComparison.Ordinal)]));
        Assert.DoesNotContain("version", File.ReadAllText(outputs), StringComparison.Ordinal);
        Assert.Empty(github.Requests);

        var report = workspace.Build(environment.Variables, "ReportToGitHub", "--skip");

        Assert.True(report.ExitCode == 0, report.Output);
        Assert.Contains("1.0.0", File.ReadAllText(outputs));
        var status = Assert.Single(github.Requests);
        Assert.Equal(("POST", $"/repos/{Repository}/statuses/abc123"), (status.Method, status.Path));
        Assert.Equal("success", JsonNode.Parse(status.Body)!["state"]!.GetValue<string>());

        var publish = workspace.Build(environment.Variables, "PublishRelease", "--skip");

        Assert.True(publish.ExitCode == 0, publish.Output);
        var calls = github.Requests.Skip(1).Select(r => $"{r.Method} {r.Path}").ToArray();
        Assert.Equal(
        [
            $"GET /repos/{Repository}/releases/tags/churn-v1.0.0",
            $"POST /repos/{Repository}/releases",
            $"POST /repos/{Repository}/releases/1000/assets?name=model.bin",
            $"POST /repos/{Repository}/releases/1000/assets?name=anomaly-forest.bin",
            $"POST /repos/{Repository}/releases/1000/assets?name=model.onnx",
            $"POST /repos/{Repository}/releases/1000/assets?name=evaluation.json",
            $"POST /repos/{Repository}/releases/1000/assets?name=report.html",
        ], calls);
        var release = JsonNode.Parse(github.Requests[2].Body)!;
        Assert.Equal(("churn-v1.0.0", "abc123"), (release["tag_name"]!.GetValue<string>(), release["target_commitish"]!.GetValue<string>()));
        Assert.Contains("released churn-v1.0.0", publish.Output);

        var again = workspace.Build(environment.Variables, "PublishRelease", "--skip");

        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal($"GET /repos/{Repository}/releases/tags/churn-v1.0.0", $"{github.Requests[^1].Method} {github.Requests[^1].Path}");
        Assert.Equal(9, github.Requests.Count);
        Assert.Contains("release churn-v1.0.0 exists already", again.Output);
    }

    [Fact]
    public void Monitor_DriftOnGitHubActions_DispatchesTheRetrainWorkflowInsteadOfRetraining()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        workspace.ScaleColumn("data/churn.csv", "monthly_charges", 1.3);
        workspace.Edit("pipelines/churn.yaml", "drift_share: 0.5", "drift_share: 0.05");
        using var github = new FakeGitHub().On("POST", $"/repos/{Repository}/actions/workflows/", 204);
        using var environment = new EnvironmentScope(ActionsEnvironment(workspace, github));

        var (exit, output) = workspace.Build(environment.Variables, "Monitor", "--batch", "data/churn.csv");

        Assert.True(exit == 0, output);
        var dispatch = Assert.Single(github.Requests);
        Assert.Equal(("POST", $"/repos/{Repository}/actions/workflows/retrain.yml/dispatches"), (dispatch.Method, dispatch.Path));
        Assert.Equal("""{"ref":"main","inputs":{"pipeline":"churn","trigger":"drift"}}""", dispatch.Body);
        Assert.Single(ModelRegistry.Open(workspace.Models, "churn").ListVersions());
        Assert.Contains("dispatched .github/workflows/retrain.yml on main", output);
    }

    [Fact]
    public void FetchModels_ModelFilesMissing_RestoresThemFromTheReleaseWithoutSendingTheTokenToStorage()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        var (directory, model, forest) = RemoveModelFiles(workspace);
        var onnx = File.ReadAllBytes(Path.Combine(directory, "model.onnx"));
        File.Delete(Path.Combine(directory, "model.onnx"));
        using var storage = new FakeGitHub().OnBytes("GET", "/objects/model", model).OnBytes("GET", "/objects/forest", forest).OnBytes("GET", "/objects/onnx", onnx);
        using var github = ReleaseOfChampion(storage);
        using var environment = new EnvironmentScope(ActionsEnvironment(workspace, github));

        var (exit, output) = workspace.Build(environment.Variables, "FetchModels");

        Assert.True(exit == 0, output);
        Assert.Equal(model, File.ReadAllBytes(Path.Combine(directory, "model.bin")));
        Assert.Equal(forest, File.ReadAllBytes(Path.Combine(directory, "anomaly-forest.bin")));
        Assert.Equal(onnx, File.ReadAllBytes(Path.Combine(directory, "model.onnx")));
        var registry = ModelRegistry.Open(workspace.Models, "churn");
        registry.Verify(registry.GetVersion("1.0.0"));
        Assert.Equal(["/objects/model", "/objects/forest", "/objects/onnx"], storage.Requests.Select(r => r.Path));
        Assert.All(storage.Requests, r => Assert.False(r.Headers.ContainsKey("authorization"), "the token went to the storage host"));
        Assert.Contains("restored models/churn/versions/1.0.0/model.bin from release churn-v1.0.0", output);

        var requests = github.Requests.Count;
        var again = workspace.Build(environment.Variables, "FetchModels");

        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(requests, github.Requests.Count);
    }

    [Fact]
    public void FetchModels_CorruptDownload_FailsAndLeavesNoFileBehind()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        var (directory, model, forest) = RemoveModelFiles(workspace);
        var corrupt = model.ToArray();
        corrupt[corrupt.Length / 2] ^= 0x01;
        using var storage = new FakeGitHub().OnBytes("GET", "/objects/model", corrupt).OnBytes("GET", "/objects/forest", forest);
        using var github = ReleaseOfChampion(storage);
        using var environment = new EnvironmentScope(ActionsEnvironment(workspace, github));

        var (exit, output) = workspace.Build(environment.Variables, "FetchModels");

        Assert.NotEqual(0, exit);
        Assert.Contains("models/churn/versions/1.0.0/model.bin (asset model.bin of release churn-v1.0.0): sha256 mismatch", output);
        Assert.False(File.Exists(Path.Combine(directory, "model.bin")));
        Assert.Empty(Directory.EnumerateFiles(directory, ".tmp-*"));
    }

    private static (string Directory, byte[] Model, byte[] Forest) RemoveModelFiles(PipelineWorkspace workspace)
    {
        var directory = Path.Combine(workspace.Models, "churn", "versions", "1.0.0");
        var model = File.ReadAllBytes(Path.Combine(directory, "model.bin"));
        var forest = File.ReadAllBytes(Path.Combine(directory, "anomaly-forest.bin"));
        File.Delete(Path.Combine(directory, "model.bin"));
        File.Delete(Path.Combine(directory, "anomaly-forest.bin"));
        return (directory, model, forest);
    }

    /// <summary>Release churn-v1.0.0 (id 1000) with model.bin (asset 1), anomaly-forest.bin (asset 2) and model.onnx (asset 4), redirected to <paramref name="storage"/>.</summary>
    private static FakeGitHub ReleaseOfChampion(FakeGitHub storage)
    {
        var template = JsonNode.Parse(FixtureResponse("release-assets.json", 2))!.AsArray()[0]!;
        var assets = new JsonArray();
        foreach (var (id, name) in new[] { (1, "model.bin"), (2, "anomaly-forest.bin"), (3, "evaluation.json"), (4, "model.onnx") })
        {
            var asset = template.DeepClone();
            asset["id"] = id;
            asset["name"] = name;
            assets.Add(asset);
        }

        return new FakeGitHub()
            .On("GET", $"/repos/{Repository}/releases/tags/churn-v1.0.0", 200, FixtureResponse("release-assets.json", 0))
            .On("GET", $"/repos/{Repository}/releases/1000/assets", 200, assets.ToJsonString())
            .On("GET", $"/repos/{Repository}/releases/assets/1", 302, "", ("Location", $"{storage.OtherHostUrl}objects/model"))
            .On("GET", $"/repos/{Repository}/releases/assets/2", 302, "", ("Location", $"{storage.OtherHostUrl}objects/forest"))
            .On("GET", $"/repos/{Repository}/releases/assets/4", 302, "", ("Location", $"{storage.OtherHostUrl}objects/onnx"));
    }
}
