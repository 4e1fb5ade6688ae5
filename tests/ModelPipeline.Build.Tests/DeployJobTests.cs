using ModelPipeline.GitHub.Workflows;

namespace ModelPipeline.Build.Tests;

/// <summary>
/// The generated workflow's deploy job: its shape in the committed retrain.yml, and a replay of the compare and deploy
/// jobs' steps (<see cref="WorkflowReplay"/>) in which the job runs only when the compare job moved a champion, rolling
/// it out to <see cref="FakeKubernetesApi"/> with the kubeconfig written from the secret.
/// </summary>
[Collection(nameof(ProcessEnvironmentCollection))]
public sealed class DeployJobTests(ChampionRegistryFixture champion) : IClassFixture<ChampionRegistryFixture>
{
    private static readonly string[] Pipelines = ["churn", "churn-mlnet", "churn-mlnet-own", "churn_sklearn"];

    [Fact]
    public void DeployJob_AfterPushInProductionOnlyWhenAChampionChanged_KubeconfigFromTheSecretOnly()
    {
        var workflow = WorkflowReplay.Committed();
        var deploy = workflow.Job("deploy");

        Assert.Equal(["push", "compare"], WorkflowReplay.List(deploy, "needs"));
        Assert.Equal("production", WorkflowReplay.Text(deploy, "environment"));
        Assert.Equal(new Dictionary<string, string> { ["contents"] = "read" }, WorkflowReplay.Map(deploy, "permissions"));
        Assert.Equal(
            "github.event_name != 'pull_request' && (" + string.Join(" || ", Pipelines.Select(p => $"needs.compare.outputs.champion-changed-{p} == 'true'")) + ")",
            WorkflowReplay.Text(deploy, "if"));
        Assert.Equal(Pipelines.ToDictionary(p => $"champion-changed-{p}", p => $"${{{{ steps.targets.outputs.champion-changed-{p} }}}}"),
            WorkflowReplay.Map(workflow.Job("compare"), "outputs"));
        Assert.Equal("./build.sh Evaluate CompareWithChampion --skip", WorkflowReplay.Text(workflow.Steps("compare").Single(s => WorkflowReplay.Text(s, "id") == "targets"), "run"));

        var write = workflow.Step("deploy", "Write the kubeconfig from the KUBECONFIG_DATA secret");
        Assert.Equal(new Dictionary<string, string> { ["KUBECONFIG_DATA"] = "${{ secrets.KUBECONFIG_DATA }}" }, WorkflowReplay.Map(write, "env"));
        var script = WorkflowReplay.Text(write, "run")!;
        Assert.True(script.IndexOf("umask 077", StringComparison.Ordinal) < script.IndexOf("> \"$RUNNER_TEMP/kubeconfig\"", StringComparison.Ordinal), script);
        Assert.DoesNotContain("set -x", script, StringComparison.Ordinal);
        Assert.DoesNotContain("echo \"$KUBECONFIG_DATA", script, StringComparison.Ordinal);
        var text = File.ReadAllText(Path.Combine(PipelineWorkspace.RepositoryRoot, ".github", "workflows", "retrain.yml"));
        Assert.Single(text.Split("secrets.KUBECONFIG_DATA")[1..]);

        foreach (var pipeline in Pipelines)
        {
            var step = workflow.Step("deploy", $"Deploy {pipeline}");
            Assert.Equal($"needs.compare.outputs.champion-changed-{pipeline} == 'true'", WorkflowReplay.Text(step, "if"));
            Assert.Equal($"./build.sh Deploy --skip --pipeline {pipeline} --deploy-to kubernetes --kubeconfig \"$RUNNER_TEMP/kubeconfig\"", WorkflowReplay.Text(step, "run"));
        }

        Assert.Equal("always()", WorkflowReplay.Text(workflow.Step("deploy", "Remove the kubeconfig"), "if"));
        Assert.Equal("Remove the kubeconfig", WorkflowReplay.Text(workflow.Steps("deploy")[^1], "name"));
    }

    [Theory]
    [InlineData("push", "true", "", true)]
    [InlineData("schedule", "", "true", true)]
    [InlineData("push", "false", "", false)]
    [InlineData("workflow_dispatch", "", "", false)]
    [InlineData("pull_request", "true", "true", false)]
    public void DeployJob_Condition_RunsOnlyWhenACompareLegMovedAChampionOutsidePullRequests(string eventName, string churn, string sklearn, bool runs)
    {
        var workflow = WorkflowReplay.Committed();
        // Two matrix legs, each writing only its own pipeline's output, combined as GitHub combines them.
        var outputs = workflow.JobOutputs("compare",
            Leg(churn.Length == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { ["champion-changed-churn"] = churn }),
            Leg(sklearn.Length == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { ["champion-changed-churn_sklearn"] = sklearn }));

        var context = WorkflowReplay.Context(eventName, ("compare", outputs));

        Assert.Equal(runs, WorkflowExpression.IsTrue(WorkflowReplay.Text(workflow.Job("deploy"), "if")!, context));
        Assert.Equal(churn == "true", WorkflowExpression.IsTrue(WorkflowReplay.Text(workflow.Step("deploy", "Deploy churn"), "if")!, context));
    }

    [Fact]
    public void Replay_FirstChampion_CompareJobTellsTheDeployJobWhichRollsItOutWithTheSecretsKubeconfig()
    {
        using var workspace = new PipelineWorkspace();
        using var api = new FakeKubernetesApi();
        var workflow = WorkflowReplay.Committed();
        using var environment = new EnvironmentScope(ActionsEnvironment(workspace));

        var retrain = WorkflowReplay.Run(workspace, environment.Variables, workflow.Step("retrain", "Retrain"));
        var compare = WorkflowReplay.Run(workspace, environment.Variables, workflow.Step("compare", "Evaluate, CompareWithChampion"));

        Assert.True(retrain.ExitCode == 0, retrain.Output);
        Assert.True(compare.ExitCode == 0, compare.Output);
        Assert.Equal(new Dictionary<string, string> { [StandardStages.ChampionChanged("churn")] = "true" }, compare.Outputs);
        var context = WorkflowReplay.Context("push", ("compare", workflow.JobOutputs("compare", Leg(compare.Outputs))));
        Assert.True(WorkflowExpression.IsTrue(WorkflowReplay.Text(workflow.Job("deploy"), "if")!, context));

        // The push job's image, recorded by hand (no registry in this replay).
        var image = KubernetesDeployTests.RecordImage(workspace, "1.0.0", 'a');
        var kubeconfigText = File.ReadAllText(api.WriteKubeconfig(workspace.Root));
        var secrets = new Dictionary<string, string> { ["KUBECONFIG_DATA"] = kubeconfigText };
        var written = WorkflowReplay.Run(workspace, environment.Variables, workflow.Step("deploy", "Write the kubeconfig from the KUBECONFIG_DATA secret"), secrets);

        Assert.True(written.ExitCode == 0, written.Output);
        var kubeconfig = Path.Combine(environment.Variables["RUNNER_TEMP"]!, "kubeconfig");
        // The workflow's jobs run on ubuntu-latest; so does this replay.
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(kubeconfig));
        Assert.Equal(kubeconfigText.TrimEnd('\n'), File.ReadAllText(kubeconfig).TrimEnd('\n'));
        Assert.DoesNotContain(api.Token, written.Output, StringComparison.Ordinal);

        foreach (var pipeline in Pipelines.Where(p => p != "churn"))
        {
            Assert.False(WorkflowExpression.IsTrue(WorkflowReplay.Text(workflow.Step("deploy", $"Deploy {pipeline}"), "if")!, context), pipeline);
        }

        var step = workflow.Step("deploy", "Deploy churn");
        Assert.True(WorkflowExpression.IsTrue(WorkflowReplay.Text(step, "if")!, context));
        var deployed = WorkflowReplay.Run(workspace, environment.Variables, step);

        Assert.True(deployed.ExitCode == 0, deployed.Output);
        Assert.Equal([image], api.AppliedDeploymentImages);
        Assert.Contains("Deployed churn 1.0.0 to http://127.0.0.1:", deployed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Token, deployed.Output, StringComparison.Ordinal);

        var removed = WorkflowReplay.Run(workspace, environment.Variables, workflow.Step("deploy", "Remove the kubeconfig"));
        Assert.True(removed.ExitCode == 0, removed.Output);
        Assert.False(File.Exists(kubeconfig));
    }

    [Fact]
    public void Replay_ChampionNotChanged_DeployJobSkipped()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        var workflow = WorkflowReplay.Committed();
        using var environment = new EnvironmentScope(ActionsEnvironment(workspace));
        var deployIf = WorkflowReplay.Text(workflow.Job("deploy"), "if")!;

        // Data and config unchanged since the champion: retrain and compare skip, and say nothing.
        var retrain = WorkflowReplay.Run(workspace, environment.Variables, workflow.Step("retrain", "Retrain"));
        var compare = WorkflowReplay.Run(workspace, environment.Variables, workflow.Step("compare", "Evaluate, CompareWithChampion"));

        Assert.True(retrain.ExitCode == 0 && compare.ExitCode == 0, retrain.Output + compare.Output);
        Assert.Empty(compare.Outputs);
        var outputs = workflow.JobOutputs("compare", Leg(compare.Outputs));
        Assert.All(outputs.Values, v => Assert.Equal("", v));
        Assert.False(WorkflowExpression.IsTrue(deployIf, WorkflowReplay.Context("push", ("compare", outputs))));

        // A challenger the gate rejects: compare ran, the champion stays.
        workspace.Edit("pipelines/churn.yaml", "l2: 1.0,", "l2: 0.5,");
        retrain = WorkflowReplay.Run(workspace, environment.Variables, workflow.Step("retrain", "Retrain"));
        compare = WorkflowReplay.Run(workspace, environment.Variables, workflow.Step("compare", "Evaluate, CompareWithChampion"));

        Assert.True(retrain.ExitCode == 0 && compare.ExitCode == 0, retrain.Output + compare.Output);
        Assert.Contains("1.0.1", compare.Output, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, string> { [StandardStages.ChampionChanged("churn")] = "false" }, compare.Outputs);
        outputs = workflow.JobOutputs("compare", Leg(compare.Outputs));
        Assert.False(WorkflowExpression.IsTrue(deployIf, WorkflowReplay.Context("schedule", ("compare", outputs))));
        Assert.False(WorkflowExpression.IsTrue(WorkflowReplay.Text(workflow.Step("deploy", "Deploy churn"), "if")!, WorkflowReplay.Context("schedule", ("compare", outputs))));
    }

    /// <summary>One matrix leg of the compare job: what its targets step wrote.</summary>
    private static Dictionary<string, IReadOnlyDictionary<string, string>> Leg(IReadOnlyDictionary<string, string> targets) => new() { ["targets"] = targets };

    /// <summary>A job of the churn leg on a runner: GITHUB_OUTPUT is set per step by the replay.</summary>
    private static Dictionary<string, string?> ActionsEnvironment(PipelineWorkspace workspace)
    {
        var temp = Path.Combine(workspace.Root, ".tmp", "runner-temp");
        Directory.CreateDirectory(temp);
        return new()
        {
            ["GITHUB_ACTIONS"] = "true",
            ["CI"] = "true",
            ["GITHUB_OUTPUT"] = Path.Combine(workspace.Root, "github-output.txt"),
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(workspace.Root, "github-summary.md"),
            ["RUNNER_TEMP"] = temp,
            ["PIPELINE"] = "churn",
        };
    }
}
