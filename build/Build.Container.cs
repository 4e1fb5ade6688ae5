using ModelPipeline.Containers.Engine;
using ModelPipeline.Containers.Registry;
using ModelPipeline.Targets;

namespace ModelPipeline.Build;

internal sealed partial class Build
{
    DockerEngineClient? _engine;

    string EffectiveRegistry => string.IsNullOrWhiteSpace(Registry) ? Run.Definition.Push.Registry : Registry;

    Target PackageToContainer => _ => _
        .Description("Build the promoted model's image (model server + model) with the Docker engine, run it and smoke-test /invocations")
        .DependsOn(CompareWithChampion, Services)
        .Produces($"artifacts/{Pipeline}/image.json")
        .Executes(async () =>
        {
            SkipWhenNothingNew();
            var decision = Run.RequireDecision();
            if (!decision.Promoted && !Force)
            {
                throw new TargetSkippedException($"{decision.Version} was not promoted ({decision.Verdict}); --force packages it anyway");
            }

            _engine = await RequireEngineAsync();
            await Run.PackageAsync(_engine, decision, EffectiveRegistry, string.IsNullOrWhiteSpace(BaseImage) ? Run.Definition.Container.Base : BaseImage);
        });

    Target Push => _ => _
        .Description("Push the image to the OCI registry (tags: version, champion, git sha), read the digest back and record it")
        .DependsOn(PackageToContainer)
        .Produces($"artifacts/{Pipeline}/push.json")
        .Executes(async () =>
        {
            SkipWhenNothingNew();
            var image = Run.Artifacts.Read<ImageRecord>(Run.Artifacts.ImageRecord);
            if (image is null || image.Version != Run.RequireDecision().Version)
            {
                throw new TargetSkippedException("no image was packaged in this run");
            }

            if (!image.Promoted && !Force)
            {
                throw new TargetSkippedException($"{image.Version} was not promoted; --force pushes it anyway");
            }

            _engine ??= image.LayoutDirectory is null ? await RequireEngineAsync() : null;
            var record = await Run.PushAsync(_engine, image, EffectiveRegistry, Credentials);
            Log.Success($"Pushed {string.Join(", ", record.References)} ({record.Digest})");
        });

    RegistryCredentials? Credentials => !string.IsNullOrEmpty(RegistryUsername) && !string.IsNullOrEmpty(RegistryPassword)
        ? new RegistryCredentials(RegistryUsername, RegistryPassword)
        : null;

    async Task<DockerEngineClient> RequireEngineAsync()
    {
        var (client, reason) = await Run.ConnectEngineAsync();
        if (client is not null)
        {
            return client;
        }

        if (IsServerBuild)
        {
            throw new InvalidOperationException($"Docker engine needed: {reason}");
        }

        throw new TargetSkippedException($"no Docker engine: {reason}");
    }
}
