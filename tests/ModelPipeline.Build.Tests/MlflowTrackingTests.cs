using ModelPipeline.Registry;
using ModelPipeline.Tracking.Tests;

namespace ModelPipeline.Build.Tests;

/// <summary>
/// Issue 17, MLflow tracking and registry, as a user runs it with MLFLOW_TRACKING_URI set: against FakeMlflow (MLflow's
/// documented REST shapes on loopback), a server that is down, and one that refuses the credentials.
/// </summary>
public sealed class MlflowTrackingTests
{
    [Fact]
    public void WholeRun_LogsEveryStage_AndMlflowsChampionFollowsPromoteAndRollback()
    {
        using var server = new FakeMlflow { Token = "mlflow-token-" + Guid.NewGuid().ToString("N") };
        using var workspace = new PipelineWorkspace();
        var environment = new Dictionary<string, string?>
        {
            ["MLFLOW_TRACKING_URI"] = server.Uri,
            ["MLFLOW_TRACKING_TOKEN"] = server.Token,
            ["MLFLOW_TRACKING_PASSWORD"] = "unused-basic-password-" + Guid.NewGuid().ToString("N"),
        };

        var (exit, output) = workspace.Build(environment, "CompareWithChampion");

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("WRN", output);
        var runs = server.RunsOf("churn");
        Assert.Equal(["Retrain", "Evaluate", "CompareWithChampion"], runs.Select(r => (string?)r["info"]!["run_name"]));
        Assert.All(runs, r => Assert.Equal("FINISHED", (string?)r["info"]!["status"]));
        var (retrain, evaluate, compare) = (runs[0], runs[1], runs[2]);
        var version = ModelRegistry.Open(workspace.Models, "churn").GetVersion("1.0.0");
        foreach (var run in runs)
        {
            var tags = run["data"]!["tags"]!;
            Assert.Equal("1.0.0", (string?)tags["model_version"]);
            Assert.Equal(version.Lineage.DataHash, (string?)tags["data_hash"]);
            Assert.Equal(version.Lineage.ConfigHash, (string?)tags["config_hash"]);
            Assert.Equal("local", (string?)tags["trigger"]);
            Assert.Equal(version.Lineage.GitCommit, (string?)tags["git_sha"]);
        }

        Assert.Equal("logistic_regression", (string?)retrain["data"]!["params"]!["trainer"]);
        Assert.Equal(version.Parameters["l2"], (string?)retrain["data"]!["params"]!["l2"]);
        Assert.NotNull(retrain["data"]!["metrics"]!["fit_seconds"]);
        Assert.Equal(version.Metrics["auc"], (double)evaluate["data"]!["metrics"]!["auc"]!, 12);
        Assert.Equal(version.Metrics["auc"], (double)compare["data"]!["metrics"]!["challenger_auc"]!, 12);
        Assert.Equal("promoted", (string?)compare["data"]!["tags"]!["decision"]);
        var experiment = server.ExperimentId("churn");
        string Artifact(System.Text.Json.Nodes.JsonObject run, string path) => $"{experiment}/{run["info"]!["run_id"]}/artifacts/{path}";
        Assert.Equal(File.ReadAllBytes(Path.Combine(workspace.Models, "churn", "versions", "1.0.0", "model.bin")), server.Artifacts[Artifact(retrain, "model/model.bin")]);
        Assert.True(server.Artifacts.ContainsKey(Artifact(evaluate, "evaluation.json")));
        foreach (var file in new[] { "report.html", "report.md", "decision.json", "evaluation.json", "model/model.bin" })
        {
            Assert.True(server.Artifacts.ContainsKey(Artifact(compare, file)), file);
        }

        // The run ids are in the local registry's lineage; MLflow's version 1 is 1.0.0 and champion.
        Assert.Equal((string?)retrain["info"]!["run_id"], version.Lineage.TrackingRuns!["mlflow.retrain"]);
        Assert.Equal((string?)compare["info"]!["run_id"], version.Lineage.TrackingRuns["mlflow.compare"]);
        Assert.Equal(server.Uri, version.Lineage.TrackingRuns["mlflow.server"]);
        var registered = Assert.Single(server.ModelVersions("churn"));
        Assert.Equal(((string?)compare["info"]!["run_id"], $"mlflow-artifacts:/{experiment}/{compare["info"]!["run_id"]}/artifacts/model"),
            ((string?)registered["run_id"], (string?)registered["source"]));
        Assert.Equal("1", server.Alias("churn", "champion"));
        (exit, output) = workspace.Build("ShowVersion", "--version", "1.0.0");
        Assert.True(exit == 0, output);
        Assert.Contains($"mlflow.compare={compare["info"]!["run_id"]}", output);

        // A config change makes 1.0.1; promoted by hand, rolled back: MLflow's alias goes where ours goes.
        workspace.Edit("pipelines/churn.yaml", "l2: 1.0,", "l2: 0.5,");
        (exit, output) = workspace.Build(environment, "CompareWithChampion");
        Assert.True(exit == 0, output);
        (exit, output) = workspace.Build(environment, "Promote", "--version", "1.0.1");
        Assert.True(exit == 0, output);
        Assert.Equal("1.0.1", ModelRegistry.Open(workspace.Models, "churn").Champion?.Version);
        Assert.Equal("1.0.1", MlflowVersion(server, server.Alias("churn", "champion")));
        (exit, output) = workspace.Build(environment, "Rollback");
        Assert.True(exit == 0, output);
        Assert.Equal("1.0.0", ModelRegistry.Open(workspace.Models, "churn").Champion?.Version);
        Assert.Equal("1.0.0", MlflowVersion(server, server.Alias("churn", "champion")));
        // Promoted by the gate, 1.0.1 was registered from its CompareWithChampion run; rejected, Promote registered it from a run of its own.
        var names = server.RunsOf("churn").Select(r => (string?)r["info"]!["run_name"]).ToArray();
        Assert.Equal(["Retrain", "Evaluate", "CompareWithChampion", "Retrain", "Evaluate", "CompareWithChampion"], names.Take(6));
        Assert.Equal(names.Length == 7 ? ["Register 1.0.1"] : [], names.Skip(6));
        Assert.All(server.RunsOf("churn"), r => Assert.Equal("FINISHED", (string?)r["info"]!["status"]));
        Assert.Equal(2, server.ModelVersions("churn").Count);

        // The credentials are nowhere: not in what was printed, not in any file the runs wrote.
        var everything = output + string.Concat(Directory.EnumerateFiles(workspace.Root, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.DoesNotContain(server.Token, everything);
        Assert.DoesNotContain(environment["MLFLOW_TRACKING_PASSWORD"]!, everything);
    }

    [Fact]
    public void ServerDown_OneWarning_PipelinePasses_LocalRegistryIsTheRecord()
    {
        using var workspace = new PipelineWorkspace();
        var uri = $"http://127.0.0.1:{LoopbackPort.Free()}";

        var (exit, output) = workspace.Build(new Dictionary<string, string?> { ["MLFLOW_TRACKING_URI"] = uri }, "CompareWithChampion");

        Assert.True(exit == 0, output);
        var warning = Assert.Single(output.Split('\n'), l => l.Contains(uri, StringComparison.Ordinal));
        Assert.Contains($"MLflow at {uri} could not be reached (GET /api/2.0/mlflow/experiments/get-by-name)", warning);
        Assert.Contains("the local registry is the record", warning);
        Assert.Equal("1.0.0", ModelRegistry.Open(workspace.Models, "churn").Champion?.Version);
        Assert.Null(ModelRegistry.Open(workspace.Models, "churn").GetVersion("1.0.0").Lineage.TrackingRuns);
    }

    [Fact]
    public void Refused_WarnsInOneLine_AndWithMlflowRequiredFailsWithTheRegistryUnchanged()
    {
        using var server = new FakeMlflow { Token = "right-" + Guid.NewGuid().ToString("N") };
        using var workspace = new PipelineWorkspace();
        const string wrong = "wrong-token-0123456789";
        var environment = new Dictionary<string, string?> { ["MLFLOW_TRACKING_URI"] = server.Uri, ["MLFLOW_TRACKING_TOKEN"] = wrong };

        var (exit, output) = workspace.Build(environment, "CompareWithChampion");

        Assert.True(exit == 0, output);
        var warning = Assert.Single(output.Split('\n'), l => l.Contains(server.Uri, StringComparison.Ordinal));
        Assert.Contains("answered GET /api/2.0/mlflow/experiments/get-by-name with 401 Unauthorized", warning);
        Assert.DoesNotContain(wrong, output);

        // A second version, promoted by hand against a server that refuses: an error line, exit non-zero, nothing moved.
        workspace.Edit("pipelines/churn.yaml", "l2: 1.0,", "l2: 0.5,");
        (exit, output) = workspace.Build("CompareWithChampion");
        Assert.True(exit == 0, output);
        var champion = ModelRegistry.Open(workspace.Models, "churn").Champion?.Version;
        var other = champion == "1.0.0" ? "1.0.1" : "1.0.0";
        (exit, output) = workspace.BuildFailingWithRegistryKept("Promote", "--version", other, "--mlflow-required",
            "--mlflow-tracking-uri", server.Uri, "--mlflow-tracking-token", wrong);
        var error = Assert.Single(output.Split('\n'), l => l.Contains(server.Uri, StringComparison.Ordinal));
        Assert.Contains("401 Unauthorized", error);
        Assert.DoesNotContain(wrong, output);

        // Down and required: Retrain fails in one line before anything is registered.
        var down = $"http://127.0.0.1:{LoopbackPort.Free()}";
        (exit, output) = workspace.BuildFailingWithRegistryKept("CompareWithChampion", "--force", "--mlflow-required", "--mlflow-tracking-uri", down);
        Assert.Single(output.Split('\n'), l => l.Contains($"MLflow at {down} could not be reached", StringComparison.Ordinal));
    }

    private static string? MlflowVersion(FakeMlflow server, string? mlflowVersion) =>
        server.ModelVersions("churn").Where(v => (string?)v["version"] == mlflowVersion)
            .SelectMany(v => v["tags"]!.AsArray()).Where(t => (string?)t!["key"] == "modelpipeline.version").Select(t => (string?)t!["value"]).SingleOrDefault();
}
