using System.Text.Json.Nodes;
using ModelPipeline.Registry;

namespace ModelPipeline.Build.Tests;

/// <summary>
/// Deploy and Rollback with --deploy-to kubernetes against <see cref="FakeKubernetesApi"/>, a loopback server replaying
/// the Kubernetes API's shapes (no real cluster: none can run here). Pushes are recorded by hand with made-up digests.
/// </summary>
public sealed class KubernetesDeployTests(ChampionRegistryFixture champion) : IClassFixture<ChampionRegistryFixture>
{
    private const string DeploymentPath = "/apis/apps/v1/namespaces/models/deployments/modelpipeline-churn";

    [Fact]
    public void Deploy_HealthyRollout_AppliesEveryObjectServerSideAndFollowsTheRollout()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        using var api = new FakeKubernetesApi();
        var image = RecordImage(workspace, "1.0.0", 'a');

        var (exit, output) = Deploy(workspace, api, api.WriteKubeconfig(workspace.Root), "--max-replicas", "4");

        Assert.True(exit == 0, output);
        var patches = api.Requests.Where(r => r.Method == "PATCH").ToList();
        Assert.Equal(
            [
                DeploymentPath, "/api/v1/namespaces/models/services/modelpipeline-churn",
                "/apis/autoscaling/v2/namespaces/models/horizontalpodautoscalers/modelpipeline-churn",
                "/apis/policy/v1/namespaces/models/poddisruptionbudgets/modelpipeline-churn",
            ],
            patches.Select(p => p.PathAndQuery.Split('?')[0]));
        Assert.All(patches, p =>
        {
            Assert.StartsWith("application/apply-patch+yaml", p.ContentType);
            Assert.Contains("fieldManager=modelpipeline", p.PathAndQuery);
            Assert.Contains("force=true", p.PathAndQuery);
        });
        Assert.Equal([image], api.AppliedDeploymentImages);
        var status = api.Object(DeploymentPath)!["status"]!;
        Assert.Equal(2, status["availableReplicas"]!.GetValue<int>());
        Assert.Contains("Deployed churn 1.0.0 to http://127.0.0.1:", output);
        Assert.Contains("deployment/modelpipeline-churn rolled out", output, StringComparison.OrdinalIgnoreCase);
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(workspace.Root, "artifacts", "churn", "deploy.json")))!;
        Assert.Equal(image, record["image"]!.GetValue<string>());
    }

    [Fact]
    public void Deploy_NewImageNeverReady_UndoesToThePreviousSpecAndFailsWithTheReason()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        using var api = new FakeKubernetesApi();
        var (kubeconfig, good, bad) = DeployedThenPushedAgain(workspace, api);
        api.NeverReady.Add(bad);

        var (exit, output) = Deploy(workspace, api, kubeconfig);

        Assert.True(exit == 1, output);
        Assert.Contains("deployment/modelpipeline-churn did not roll out: ProgressDeadlineExceeded", output);
        Assert.Contains($"undone: its previous spec ({good}) applied again", output);
        Assert.Equal([good, bad, good], api.AppliedDeploymentImages);
        var served = api.Object(DeploymentPath)!["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>();
        Assert.Equal(good, served);
    }

    [Fact]
    public void Deploy_RolloutSlowerThanTimeout_UndoesAndNamesTheTimeout()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        using var api = new FakeKubernetesApi();
        var kubeconfig = api.WriteKubeconfig(workspace.Root);
        var image = RecordImage(workspace, "1.0.0", 'a');
        api.NeverReady.Add(image);

        var (exit, output) = Deploy(workspace, api, kubeconfig, "--rollout-timeout", "0");

        Assert.True(exit == 1, output);
        Assert.True(output.Contains("did not roll out: timed out after 0 s (--rollout-timeout)", StringComparison.Ordinal), output);
        Assert.Contains("removed what this deploy created", output);
        Assert.Null(api.Object(DeploymentPath));
        Assert.Null(api.Object("/api/v1/namespaces/models/services/modelpipeline-churn"));
    }

    [Fact]
    public void Deploy_ClusterLostMidRolloutAndDuringTheUndo_TriesTheUndoThenSaysInOneLineWhatTheClusterMayRun()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        using var api = new FakeKubernetesApi();
        var (kubeconfig, good, bad) = DeployedThenPushedAgain(workspace, api);
        // The first read, three applies (Deployment, Service, PodDisruptionBudget), one rollout read; then refused for good.
        api.RefuseFor(5);

        var (exit, output) = Deploy(workspace, api, kubeconfig);

        Assert.True(exit == 1, output);
        Assert.DoesNotContain("   at ", output);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("NOT undone", StringComparison.Ordinal));
        Assert.Contains($"deployment/modelpipeline-churn did not roll out: lost the Kubernetes API server at http://127.0.0.1:{api.Port} while following its rollout (Connection refused)", line);
        Assert.Contains($"NOT undone: http://127.0.0.1:{api.Port} could not be reached in 4 attempts (Connection refused): deployment/modelpipeline-churn may run {bad}, still {good}, or both (a partial rollout)", line);
        Assert.Contains("kubectl -n models rollout undo deployment/modelpipeline-churn", line);
        Assert.Contains("attempt 4 of 4", output);
        Assert.Equal([good, bad], api.AppliedDeploymentImages);
    }

    [Fact]
    public void Deploy_ClusterLostMidRolloutThenBack_TheUndoRetriesAndAppliesThePreviousSpec()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        using var api = new FakeKubernetesApi();
        var (kubeconfig, good, bad) = DeployedThenPushedAgain(workspace, api);
        // Refused for 2 s from the first rollout read on; the undo's attempts come 0, 0.5, 1.5 and 3.5 s after the loss.
        api.RefuseFor(5, TimeSpan.FromSeconds(2));

        var (exit, output) = Deploy(workspace, api, kubeconfig);

        Assert.True(exit == 1, output);
        Assert.Contains($"did not roll out: lost the Kubernetes API server at http://127.0.0.1:{api.Port} while following its rollout (Connection refused); undone: its previous spec ({good}) applied again", output);
        Assert.Contains("undo: cannot reach", output);
        Assert.Equal([good, bad, good], api.AppliedDeploymentImages);
        Assert.Equal(good, api.Object(DeploymentPath)!["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
    }

    [Fact]
    public void Deploy_FirstDeployLostDuringTheApplies_DeletesWhatItSentOnceTheServerIsBack()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        using var api = new FakeKubernetesApi();
        var kubeconfig = api.WriteKubeconfig(workspace.Root);
        RecordImage(workspace, "1.0.0", 'a');
        // The first read and the Deployment's apply; the Service's apply is refused, for 2 s.
        api.RefuseFor(2, TimeSpan.FromSeconds(2));

        var (exit, output) = Deploy(workspace, api, kubeconfig);

        Assert.True(exit == 1, output);
        Assert.Contains("while applying its Service (Connection refused); removed what this deploy created, nothing serves it", output);
        Assert.Null(api.Object(DeploymentPath));
        Assert.Contains(api.Requests, r => r.Method == "DELETE" && r.PathAndQuery.StartsWith(DeploymentPath, StringComparison.Ordinal));
    }

    [Fact]
    public void Deploy_ServerClosingConnections_GetApplyAndDeleteRetriedBoundedThenOneLine()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        using var api = new FakeKubernetesApi();
        var kubeconfig = api.WriteKubeconfig(workspace.Root);
        var image = RecordImage(workspace, "1.0.0", 'a');

        // The Deployment's apply answered twice by a closed connection: the third attempt applies it, once.
        api.DropAfter(1, count: 2);
        var (exit, output) = Deploy(workspace, api, kubeconfig);
        Assert.True(exit == 0, output);
        Assert.Equal(2, api.Dropped);
        Assert.Equal([image], api.AppliedDeploymentImages);

        // The first read of the next deploy, once.
        api.DropAfter(0, count: 1);
        (exit, output) = Deploy(workspace, api, kubeconfig);
        Assert.True(exit == 0, output);
        Assert.Equal(3, api.Dropped);

        // Closed for good: the first read is tried three times, then one line, exit 2.
        api.DropAfter(0);
        (exit, output) = Deploy(workspace, api, kubeconfig);
        Assert.Equal(2, exit);
        Assert.Contains($"cannot reach the Kubernetes API server at http://127.0.0.1:{api.Port} (from {kubeconfig}): ", output);
        Assert.DoesNotContain("   at ", output);
        Assert.Equal(6, api.Dropped);
    }

    [Fact]
    public void Deploy_ServerClosingTheConnectionOfADeleteDuringTheUndo_RetriedAndEverythingRemoved()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        using var api = new FakeKubernetesApi();
        var kubeconfig = api.WriteKubeconfig(workspace.Root);
        api.NeverReady.Add(RecordImage(workspace, "1.0.0", 'a'));
        // The first read, three applies, one rollout read (timed out at once); the first delete's connection closed.
        api.DropAfter(5, count: 1);

        var (exit, output) = Deploy(workspace, api, kubeconfig, "--rollout-timeout", "0");

        Assert.True(exit == 1, output);
        Assert.Contains("removed what this deploy created, nothing serves it", output);
        Assert.Equal(1, api.Dropped);
        Assert.Equal(3, api.Requests.Count(r => r.Method == "DELETE"));
        Assert.Null(api.Object(DeploymentPath));
        Assert.Null(api.Object("/apis/policy/v1/namespaces/models/poddisruptionbudgets/modelpipeline-churn"));
    }

    [Fact]
    public void Deploy_RefusedCredentials_OneLineExit2AndNothingApplied()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        using var api = new FakeKubernetesApi();
        RecordImage(workspace, "1.0.0", 'a');

        var (exit, output) = Deploy(workspace, api, api.WriteKubeconfig(workspace.Root, token: "expired"));

        Assert.Equal(2, exit);
        Assert.Contains($"the Kubernetes API server at http://127.0.0.1:{api.Port} refused the credentials of ", output);
        Assert.Contains("(401 Unauthorized)", output);
        Assert.DoesNotContain(api.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public void Deploy_UnreachableClusterOrNoKubeconfig_OneLineExit2()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        RecordImage(workspace, "1.0.0", 'a');
        int closedPort;
        string kubeconfig;
        using (var api = new FakeKubernetesApi())
        {
            (closedPort, kubeconfig) = (api.Port, api.WriteKubeconfig(workspace.Root));
        }

        var manifest = Path.Combine(workspace.Root, "deploy", "kubernetes", "churn.yaml");
        var (exit, output) = workspace.BuildFailingWithRegistryKept(
            "Deploy", "--skip", "--force", "--deploy-to", "kubernetes", "--kubeconfig", kubeconfig);
        Assert.Equal(2, exit);
        Assert.Contains($"cannot reach the Kubernetes API server at http://127.0.0.1:{closedPort} (from {kubeconfig}): Connection refused", output);
        Assert.False(File.Exists(manifest), "the manifest was written for a cluster that was never reached");

        // A manifest from an earlier GenerateDeployment (another replica count) stays as it was.
        Assert.True(workspace.Build("GenerateDeployment", "--replicas", "3") is { ExitCode: 0 });
        var generated = File.ReadAllText(manifest);
        (exit, output) = workspace.BuildFailingWithRegistryKept("Deploy", "--skip", "--force", "--deploy-to", "kubernetes", "--kubeconfig", kubeconfig);
        Assert.Equal(2, exit);
        Assert.Equal(generated, File.ReadAllText(manifest));

        var missing = Path.Combine(workspace.Root, "no-such-kubeconfig");
        (exit, output) = workspace.BuildFailingWithRegistryKept("Deploy", "--skip", "--force", "--deploy-to", "kubernetes", "--kubeconfig", missing);
        Assert.Equal(2, exit);
        Assert.Contains($"no kubeconfig at {missing}: set KUBECONFIG (or --kubeconfig)", output);
    }

    [Fact]
    public void Rollback_OnKubernetes_RollsOutThePreviousImageThenMovesTheChampion_FailedRolloutMovesNothing()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        using var api = new FakeKubernetesApi();
        var kubeconfig = api.WriteKubeconfig(workspace.Root);
        workspace.Edit("pipelines/churn.yaml", "l2: 1.0,", "l2: 0.5,");
        Assert.True(workspace.Build("CompareWithChampion") is { ExitCode: 0 });
        Assert.True(workspace.Build("Promote", "--version", "1.0.1", "--reason", "try l2 0.5") is { ExitCode: 0 });
        var old = RecordImage(workspace, "1.0.0", 'a');
        var current = RecordImage(workspace, "1.0.1", 'c');
        Assert.True(Deploy(workspace, api, kubeconfig) is { ExitCode: 0 });

        api.NeverReady.Add(old);
        var (exit, output) = workspace.Build(new Dictionary<string, string?> { ["KUBECONFIG"] = kubeconfig }, "Rollback", "--deploy-to", "kubernetes");
        Assert.True(exit == 1, output);
        Assert.Contains("did not roll out: ProgressDeadlineExceeded", output);
        Assert.Equal("1.0.1", ModelRegistry.Open(workspace.Models, "churn").Champion!.Version);

        api.NeverReady.Clear();
        (exit, output) = workspace.Build(new Dictionary<string, string?> { ["KUBECONFIG"] = kubeconfig }, "Rollback", "--deploy-to", "kubernetes");
        Assert.True(exit == 0, output);
        Assert.Contains("champion: 1.0.1 -> 1.0.0", output);
        Assert.Equal("1.0.0", ModelRegistry.Open(workspace.Models, "churn").Champion!.Version);
        Assert.Equal([current, old, current, old], api.AppliedDeploymentImages);
    }

    private static (int ExitCode, string Output) Deploy(PipelineWorkspace workspace, FakeKubernetesApi api, string kubeconfig, params string[] more) =>
        workspace.Build(new Dictionary<string, string?> { ["KUBECONFIG"] = kubeconfig },
            ["Deploy", "--skip", "--force", "--deploy-to", "kubernetes", .. more]);

    /// <summary>Churn 1.0.0 deployed from image <c>a…</c> (Deployment, Service, PodDisruptionBudget), then pushed again as image <c>b…</c>.</summary>
    private static (string Kubeconfig, string Good, string Bad) DeployedThenPushedAgain(PipelineWorkspace workspace, FakeKubernetesApi api)
    {
        var kubeconfig = api.WriteKubeconfig(workspace.Root);
        var good = RecordImage(workspace, "1.0.0", 'a');
        var (exit, output) = Deploy(workspace, api, kubeconfig);
        Assert.True(exit == 0, output);
        return (kubeconfig, good, RecordImage(workspace, "1.0.0", 'b'));
    }

    /// <summary>Records a push of <paramref name="version"/> under a made-up digest of <paramref name="digit"/>s; returns the reference.</summary>
    internal static string RecordImage(PipelineWorkspace workspace, string version, char digit)
    {
        var digest = "sha256:" + new string(digit, 64);
        var reference = $"127.0.0.1:5000/modelpipeline/churn@{digest}";
        ModelRegistry.Open(workspace.Models, "churn").RecordImage(version, reference, digest, [version]);
        return reference;
    }
}
