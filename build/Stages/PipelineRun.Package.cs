using System.Text.Json;
using System.Text.Json.Nodes;
using ModelPipeline.Containers.Engine;
using ModelPipeline.Containers.Images;
using ModelPipeline.Containers.Publishing;
using ModelPipeline.Containers.Smoke;
using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.Build;

internal sealed partial class PipelineRun
{
    private const int SmokeRows = 25;

    /// <summary>Why the container stages cannot run here (no engine), or null when they can.</summary>
    public async Task<(DockerEngineClient? Client, string? Reason)> ConnectEngineAsync()
    {
        var connection = await DockerEngine.TryConnectAsync();
        return (connection.Client, connection.Reason);
    }

    /// <summary>
    /// Builds the registered version's image (server + model) through the Docker engine, runs it, waits for
    /// /ping and requires its /invocations answers for holdout rows to equal the in-process model's.
    /// </summary>
    public async Task<ImageRecord> PackageAsync(DockerEngineClient engine, DecisionRecord decision, string registry, string? baseImage)
    {
        var definition = Definition;
        var version = Registry.GetVersion(decision.Version);
        var modelBytes = Registry.ReadModel(version);
        var model = ModelKinds.Load(version.ModelKind, modelBytes);

        var serverHost = ServerFlavours.For(version.ModelKind);
        var publish = await ServerPublisher.PublishAsync(SourceRoot, ServerFlavours.PublishDirectory(SourceRoot, version.ModelKind), serverHost,
            line => Log.Debug(line));
        Log.Information($"Model server {serverHost.Executable} {(publish.FromCache ? "reused" : "published")} ({publish.SizeBytes / 1e6:F1} MB, {publish.Elapsed.TotalSeconds:F1} s)");

        var modelDirectory = Path.Combine(Artifacts.Directory, "image-model");
        Directory.CreateDirectory(modelDirectory);
        foreach (var stale in Directory.EnumerateFiles(modelDirectory))
        {
            File.Delete(stale);
        }

        File.WriteAllBytes(Path.Combine(modelDirectory, version.ModelFile), modelBytes);
        var manifest = new JsonObject
        {
            ["pipeline"] = definition.Name,
            ["version"] = version.Version,
            ["sha256"] = version.Sha256,
            ["created"] = version.CreatedUtc.ToString("O"),
            ["decision"] = decision.Verdict,
            ["lineage"] = JsonSerializer.SerializeToNode(version.Lineage, RunArtifacts.Json),
            ["kind"] = version.ModelKind,
            ["file"] = version.ModelFile,
        };
        File.WriteAllText(Path.Combine(modelDirectory, "model.json"), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var destination = PushDestination(registry, definition.Push.Repository);
        var reference = $"{destination.Host}/{destination.Repository}:{version.Version}";
        var labels = new Dictionary<string, string>
        {
            ["org.opencontainers.image.title"] = $"{definition.Name} model",
            ["org.opencontainers.image.version"] = version.Version,
            ["org.opencontainers.image.created"] = version.CreatedUtc.ToString("O"),
            ["org.opencontainers.image.revision"] = version.Lineage.GitCommit ?? "unknown",
            ["org.opencontainers.image.source"] = Environment.GetEnvironmentVariable("GITHUB_SERVER_URL") is { } server
                && Environment.GetEnvironmentVariable("GITHUB_REPOSITORY") is { } repository ? $"{server}/{repository}" : "local",
            ["io.modelpipeline.pipeline"] = definition.Name,
            ["io.modelpipeline.model-version"] = version.Version,
            ["io.modelpipeline.model-sha256"] = version.Sha256,
            ["io.modelpipeline.data-hash"] = version.Lineage.DataHash,
            ["io.modelpipeline.decision"] = decision.Promoted ? "promoted" : "rejected",
        };
        var request = new ImageBuildRequest
        {
            Tag = reference,
            ServerDirectory = publish.Directory,
            ModelDirectory = modelDirectory,
            Labels = labels,
            BaseImage = string.IsNullOrWhiteSpace(baseImage) ? null : baseImage,
            DockerfileTemplatePath = string.IsNullOrWhiteSpace(definition.Container.Dockerfile) ? null : Path.Combine(Root, definition.Container.Dockerfile),
            Port = definition.Container.Port,
            Entrypoint = [ServerFlavours.Entrypoint(serverHost)],
            Log = line => Log.Debug(line),
        };
        var built = await new EngineImageBuilder(engine).BuildAsync(request);
        Log.Information($"Built {built.Reference} ({built.SizeBytes / 1e6:F1} MB) in {built.BuildTime.TotalSeconds:F1} s");

        var (rows, body, check) = SmokeCheck(model);
        var smoke = await new ImageSmokeTest(engine).RunAsync(built.Reference, definition.Container.Port, body, check, TimeSpan.FromSeconds(60));
        if (!smoke.Passed)
        {
            throw new InvalidOperationException($"smoke test of {built.Reference} failed: {smoke.Failure}" +
                (string.IsNullOrWhiteSpace(smoke.ContainerLogs) ? "" : $"\ncontainer logs:\n{smoke.ContainerLogs.Trim()}"));
        }

        Log.Success($"Smoke test passed: /ping after {smoke.StartToFirstPing.TotalMilliseconds:F0} ms; {rows.RowCount} holdout rows scored as in-process");
        var record = new ImageRecord(definition.Name, version.Version, decision.Promoted, built.Reference, built.ImageId, built.Builder,
            built.SizeBytes, built.BuildTime.TotalSeconds, smoke.StartToFirstPing.TotalSeconds, rows.RowCount, labels, built.LayoutDirectory);
        Artifacts.Write(Artifacts.ImageRecord, record);
        return record;
    }

    /// <summary>The smoke request (the first holdout rows) and its check: the answer must equal <paramref name="model"/>'s predictions.</summary>
    private (Frame Rows, string Body, Func<string, string?> Check) SmokeCheck(IScoringModel model)
    {
        var rows = Holdout.Take(Enumerable.Range(0, Math.Min(SmokeRows, Split.Holdout.Length)).ToArray());
        var expected = model.Predict(rows, null);
        return (rows, SmokeRequest.Body(rows, model.Schema), answer => SmokeRequest.Check(answer, expected));
    }
}
