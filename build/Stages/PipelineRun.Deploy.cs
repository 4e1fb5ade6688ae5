using Docker.DotNet.Models;
using ModelPipeline.Containers.Deploy;
using ModelPipeline.Containers.Engine;
using ModelPipeline.Containers.Registry;
using ModelPipeline.Registry;
using ModelPipeline.Targets;
using ModelPipeline.Training;

namespace ModelPipeline.Build;

internal sealed partial class PipelineRun
{
    /// <summary>The pipeline's serving container on the Docker engine: its push.repository with '/' as '-' (modelpipeline-churn).</summary>
    public string ServingName => Definition.Push.Repository.Replace('/', '-');

    /// <summary>The champion, or the one-line mistake of having none.</summary>
    public ModelVersion RequireChampion() => Registry.Champion
        ?? throw new InputMistakeException($"pipeline '{Definition.Name}' has no champion to deploy: run ./build.sh until a version is promoted, or ./build.sh Promote --version <v>");

    /// <summary>The last image pushed for <paramref name="version"/> (pinned by digest), or the one-line mistake of none.</summary>
    public PublishedImage RequirePushedImage(ModelVersion version) =>
        Registry.Images().LastOrDefault(i => i.Version == version.Version)
        ?? throw new InputMistakeException($"{Definition.Name} {version.Version} has no pushed image in the registry's records: " +
                                           $"package and push it first (./build.sh Push{(version.Version == Registry.Champion?.Version ? "" : " --force")})");

    /// <summary>The serving container, or null when the pipeline has never been deployed on this engine.</summary>
    public Task<ContainerInspectResponse?> ServingContainerAsync(DockerEngineClient engine) => new ServingDeployment(engine).CurrentAsync(ServingName);

    /// <summary>
    /// Runs <paramref name="image"/> (pulled by digest when the engine lacks it) as the pipeline's serving container on
    /// 127.0.0.1:<paramref name="hostPort"/>, once it answered the smoke request exactly as <paramref name="version"/>'s model does.
    /// </summary>
    public async Task<DeployRecord> DeployAsync(DockerEngineClient engine, ModelVersion version, PublishedImage image, int hostPort, RegistryCredentials? credentials)
    {
        if (await engine.InspectImageAsync(image.Reference) is null)
        {
            var at = image.Reference.IndexOf('@', StringComparison.Ordinal);
            var repository = at > 0 ? image.Reference[..at] : image.Reference;
            Log.Information($"Pulling {image.Reference}");
            await engine.PullAsync(repository, at > 0 ? image.Reference[(at + 1)..] : "latest",
                credentials is null ? null : new AuthConfig { Username = credentials.Username, Password = credentials.Password, ServerAddress = repository.Split('/')[0] });
        }

        var model = ModelKinds.Load(version.ModelKind, Registry.ReadModel(version));
        var (rows, body, check) = SmokeCheck(model);
        var request = new DeploymentRequest(ServingName, image.Reference, Definition.Container.Port, hostPort, body, check, TimeSpan.FromSeconds(60));
        DeploymentResult result;
        try
        {
            result = await new ServingDeployment(engine).DeployAsync(request);
        }
        catch (DeploymentFailedException e) when (e.ContainerLogs is { Length: > 0 } logs)
        {
            Log.Debug($"container logs:\n{logs.Trim()}");
            throw;
        }

        Log.Information($"{version.Version} answered /ping {result.CandidateStartToPing.TotalMilliseconds:F0} ms after start and scored {rows.RowCount} holdout rows as in-process");
        var record = new DeployRecord(Definition.Name, version.Version, result.Name, hostPort, result.Image, result.PreviousImage,
            result.CandidateStartToPing.TotalSeconds, result.Switch.TotalSeconds);
        Artifacts.Write(Artifacts.DeployRecord, record);
        return record;
    }
}
