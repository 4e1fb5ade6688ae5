using ModelPipeline.Registry;
using ModelPipeline.Targets;

namespace ModelPipeline.Build;

internal sealed partial class Build
{
    [Parameter("Host port (on 127.0.0.1) of the pipeline's serving container on the Docker engine; one port per pipeline")]
    readonly int DeployPort = 8080;

    Target Deploy => _ => _
        .Description("Run the champion's pushed image as the pipeline's serving container (named after push.repository, on --deploy-port) once it passed /ping and a smoke request beside the old one; only when the champion changed in this run (--force: always)")
        .DependsOn(Push)
        .Produces($"artifacts/{Pipeline}/deploy.json")
        .Executes(async () =>
        {
            if (!Force)
            {
                SkipWhenNothingNew();
                var decision = Run.RequireDecision();
                if (!decision.Promoted)
                {
                    throw new TargetSkippedException($"the champion did not change ({decision.Version} was not promoted); --force deploys the champion anyway");
                }
            }

            var champion = Run.RequireChampion();
            _engine ??= await RequireEngineAsync();
            await DeployVersionAsync(champion);
        });

    async Task DeployVersionAsync(ModelVersion version)
    {
        var image = Run.RequirePushedImage(version);
        var record = await Run.DeployAsync(_engine!, version, image, DeployPort, Credentials);
        Log.Success($"Deployed {Run.Definition.Name} {version.Version} as container {record.Container} on 127.0.0.1:{record.Port} ({record.Image})" +
                    (record.PreviousImage is null ? "" : $"; replaced {record.PreviousImage}, port switched in {record.SwitchSeconds * 1000:F0} ms"));
    }
}
