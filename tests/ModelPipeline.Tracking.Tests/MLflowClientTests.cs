using System.Text;

namespace ModelPipeline.Tracking.Tests;

public sealed class MLflowClientTests : IDisposable
{
    private readonly FakeMlflow server = new();

    [Fact]
    public async Task Experiment_IsCreatedOnce_ThenFoundByName()
    {
        using var client = new MLflowClient(server.Uri);

        var first = await client.GetOrCreateExperimentAsync("churn");
        var second = await client.GetOrCreateExperimentAsync("churn");

        Assert.Equal(first, second);
        Assert.Single(server.Requests, r => r.PathAndQuery.StartsWith("/api/2.0/mlflow/experiments/create", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_LogsParamsMetricsTagsAndArtifacts_ThenFinishes()
    {
        using var client = new MLflowClient(server.Uri);
        var experiment = await client.GetOrCreateExperimentAsync("churn");

        var run = await client.CreateRunAsync(experiment, "Retrain", new Dictionary<string, string> { ["modelpipeline.stage"] = "Retrain" });
        await client.LogBatchAsync(run.RunId, new Dictionary<string, string> { ["l2"] = "0.01" },
            new Dictionary<string, double> { ["auc"] = 0.81, ["nan_is_skipped"] = double.NaN }, new Dictionary<string, string> { ["data_hash"] = "ab12" });
        await client.SetTagAsync(run.RunId, "decision", "promoted");
        await client.UploadArtifactAsync(run, "model/model.bin", [1, 2, 3]);
        await client.FinishRunAsync(run.RunId);

        var stored = server.Runs[run.RunId];
        Assert.Equal("FINISHED", (string?)stored["info"]!["status"]);
        Assert.Equal("Retrain", (string?)stored["data"]!["tags"]!["mlflow.runName"]);
        Assert.Equal("0.01", (string?)stored["data"]!["params"]!["l2"]);
        Assert.Equal(0.81, (double)stored["data"]!["metrics"]!["auc"]!);
        Assert.Null(stored["data"]!["metrics"]!["nan_is_skipped"]);
        Assert.Equal("promoted", (string?)stored["data"]!["tags"]!["decision"]);
        Assert.Equal([1, 2, 3], server.Artifacts[$"{experiment}/{run.RunId}/artifacts/model/model.bin"]);
        Assert.Equal($"mlflow-artifacts:/{experiment}/{run.RunId}/artifacts/model", MLflowClient.ArtifactSource(run, "model"));
    }

    [Fact]
    public async Task LogBatch_SplitsWhatExceedsMlflowsLimits()
    {
        using var client = new MLflowClient(server.Uri);
        var run = await client.CreateRunAsync(await client.GetOrCreateExperimentAsync("wide"), "Retrain", new Dictionary<string, string>());
        var parameters = Enumerable.Range(0, 250).ToDictionary(i => $"p{i}", i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await client.LogBatchAsync(run.RunId, parameters, new Dictionary<string, double> { ["m"] = 1 }, new Dictionary<string, string>());

        Assert.Equal(3, server.Requests.Count(r => r.PathAndQuery == "/api/2.0/mlflow/runs/log-batch"));
        Assert.Equal(250, server.Runs[run.RunId]["data"]!["params"]!.AsObject().Count);
    }

    [Fact]
    public async Task Registry_CreatesModelOnce_FindsVersionsByTag_AndMovesTheAlias()
    {
        using var client = new MLflowClient(server.Uri);
        var run = await client.CreateRunAsync(await client.GetOrCreateExperimentAsync("churn"), "CompareWithChampion", new Dictionary<string, string>());
        await client.EnsureRegisteredModelAsync("churn");
        await client.EnsureRegisteredModelAsync("churn");

        var one = await client.CreateModelVersionAsync("churn", MLflowClient.ArtifactSource(run, "model"), run.RunId,
            new Dictionary<string, string> { ["modelpipeline.version"] = "1.0.0" });
        var two = await client.CreateModelVersionAsync("churn", MLflowClient.ArtifactSource(run, "model"), run.RunId,
            new Dictionary<string, string> { ["modelpipeline.version"] = "1.1.0" });
        await client.SetAliasAsync("churn", "champion", two);
        await client.SetAliasAsync("churn", "champion", one);

        Assert.Equal(("1", "2"), (one, two));
        Assert.Equal("2", await client.FindModelVersionAsync("churn", "modelpipeline.version", "1.1.0"));
        Assert.Null(await client.FindModelVersionAsync("churn", "modelpipeline.version", "9.9.9"));
        Assert.Equal("1", server.Alias("churn", "champion"));
        await client.DeleteAliasAsync("churn", "champion");
        await client.DeleteAliasAsync("churn", "champion");
        Assert.Null(server.Alias("churn", "champion"));
    }

    [Fact]
    public async Task MlflowErrorBody_IsOneLineWithItsCode()
    {
        using var client = new MLflowClient(server.Uri);

        var error = await Assert.ThrowsAsync<MLflowException>(() => client.SetAliasAsync("nope", "champion", "1"));

        Assert.Equal("RESOURCE_DOES_NOT_EXIST", error.ErrorCode);
        Assert.Equal($"MLflow at {server.Uri} answered POST /api/2.0/mlflow/registered-models/alias with 404 Not Found: RESOURCE_DOES_NOT_EXIST: Model Version (name=nope, version=1) not found", error.Message);
    }

    [Fact]
    public async Task WrongToken_IsOneLine401_WithoutTheToken()
    {
        server.Token = "right-" + Guid.NewGuid().ToString("N");
        const string wrong = "wrong-token-value";
        using var client = new MLflowClient(server.Uri, new MLflowCredentials(wrong, null, null));

        var error = await Assert.ThrowsAsync<MLflowException>(() => client.GetOrCreateExperimentAsync("churn"));

        Assert.Equal(401, error.StatusCode);
        Assert.StartsWith($"MLflow at {server.Uri} answered GET /api/2.0/mlflow/experiments/get-by-name with 401 Unauthorized: You are not authenticated.", error.Message);
        Assert.Contains("MLFLOW_TRACKING_TOKEN", error.Message);
        Assert.DoesNotContain(wrong, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Credentials_AreSentAsBearerOrBasic()
    {
        server.BasicUser = ("ana", "s3cret");
        using var basic = new MLflowClient(server.Uri, new MLflowCredentials(null, "ana", "s3cret"));
        await basic.GetOrCreateExperimentAsync("churn");
        server.BasicUser = null;
        server.Token = "tok";
        using var bearer = new MLflowClient(server.Uri, new MLflowCredentials("tok", "ana", "s3cret"));
        await bearer.GetOrCreateExperimentAsync("churn");

        Assert.Contains(server.Requests, r => r.Authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ana:s3cret")));
        Assert.Contains(server.Requests, r => r.Authorization == "Bearer tok");
        Assert.DoesNotContain("s3cret", new MLflowCredentials("tok", "ana", "s3cret").ToString());
    }

    [Fact]
    public async Task DownServer_IsOneLineNamingIt()
    {
        var uri = $"http://127.0.0.1:{LoopbackPort.Free()}";
        using var client = new MLflowClient(uri);

        var error = await Assert.ThrowsAsync<MLflowException>(() => client.GetOrCreateExperimentAsync("churn"));

        Assert.Null(error.StatusCode);
        Assert.StartsWith($"MLflow at {uri} could not be reached (GET /api/2.0/mlflow/experiments/get-by-name): ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void NotAnHttpUri_IsOneLine_WithoutItsPassword()
    {
        Assert.Contains("is not an http(s) URL", Assert.Throws<MLflowException>(() => new MLflowClient("file:///tmp/mlruns")).Message);
        using var client = new MLflowClient("http://ana:s3cret@127.0.0.1:5000/");
        Assert.Equal("http://127.0.0.1:5000", client.Server);
    }

    [Fact]
    public async Task NotMlflow_IsNamed()
    {
        using var client = new MLflowClient(server.Uri + "/elsewhere");

        var error = await Assert.ThrowsAsync<MLflowException>(() => client.GetOrCreateExperimentAsync("churn"));

        Assert.Equal($"MLflow at {server.Uri}/elsewhere answered GET /api/2.0/mlflow/experiments/get-by-name with 404 Not Found: <!doctype html><title>404 Not Found</title><h1>Not Found</h1> (is the URI the tracking server's root, without /api?)", error.Message);
    }

    public void Dispose() => server.Dispose();
}
