using ModelPipeline.Registry;
using ModelPipeline.Targets;

namespace ModelPipeline.Build;

internal sealed partial class Build
{
    [Parameter("A model version (1.2.0) or alias (champion) for ShowVersion and Promote")]
    readonly string? Version;

    [Parameter("Rollback: the version to make champion (default: the previous champion). DiffVersions: the newer version (default: champion)")]
    readonly string? To;

    [Parameter("DiffVersions: the older version (default: the champion's parent)")]
    readonly string? From;

    [Parameter("Why an alias moves (Promote, Rollback); recorded in the alias history")]
    readonly string? Reason;

    [Parameter("Print DiffVersions and ShowVersion as Markdown (on standard output; the log goes to standard error)")]
    readonly bool Markdown;

    Target Models => _ => _
        .Description("List the pipeline's model versions: created, aliases, metrics, trigger")
        .Executes(() =>
        {
            var registry = Run.Registry;
            Log.Result($"{registry.Pipeline}: {registry.ListVersions().Count} version(s), champion {registry.Champion?.Version ?? "none"}");
            Log.Result(registry.ListTable([Run.Definition.Gate.PrimaryMetric]).TrimEnd());
        });

    Target ShowVersion => _ => _
        .Description("Show one version: metrics, parameters, lineage, aliases and the alias history")
        .Requires(() => Version)
        .Executes(() =>
        {
            var registry = Run.Registry;
            var version = registry.GetVersion(Version!);
            registry.Verify(version);
            Log.Result((Markdown ? VersionText.Markdown(version, registry.Aliases, registry.AliasHistory())
                : VersionText.Describe(version, registry.Aliases, registry.AliasHistory())).TrimEnd());
        });

    Target DiffVersions => _ => _
        .Description("Compare two versions' parameters, metrics and lineage (like dvc params/metrics diff)")
        .Executes(() =>
        {
            var registry = Run.Registry;
            var to = registry.GetVersion(To ?? ModelRegistry.ChampionAlias);
            var from = From ?? to.ParentVersion
                ?? throw new InputMistakeException($"{to.Version} has no parent version; name one with --from");
            var diff = registry.Diff(from, to.Version);
            Log.Result((Markdown ? diff.ToMarkdown() : diff.ToText()).TrimEnd());
        });

    Target Promote => _ => _
        .Description("Make a version the champion by hand (--version 1.2.0 --reason \"...\")")
        .Requires(() => Version)
        .Executes(() =>
        {
            var registry = Run.Registry;
            var version = registry.GetVersion(Version!);
            registry.Verify(version);
            // MLflow first: with --mlflow-required a refusal leaves the local champion where it was.
            Run.Tracking?.MoveChampion(Run, version);
            var move = registry.Promote(version.Version, ActorName, Reason ?? "promoted by hand");
            Log.Success($"champion: {move.From ?? "none"} -> {move.To}");
        });

    Target Rollback => _ => _
        .Description("Move the champion back to the previous champion, or to --to 1.2.0; when the pipeline is deployed on the Docker engine (or with --deploy-to kubernetes), deploy that version's image too")
        .Executes(async () =>
        {
            var registry = Run.Registry;
            // MLflow's alias moves first (with --mlflow-required a refusal changes nothing) and back when the deploy fails.
            var current = registry.Champion;
            Run.Tracking?.MoveChampion(Run, registry.RollbackTarget(To));
            try
            {
                if (DeployToKubernetes)
                {
                    // The target version rolls out first: a failed (and undone) rollout moves no alias.
                    await RollOutAsync(registry.RollbackTarget(To));
                    var moved = registry.Rollback(ActorName, Reason ?? "rolled back by hand", To);
                    Log.Success($"champion: {moved.From ?? "none"} -> {moved.To}");
                    return;
                }

                var (engine, _) = await Run.ConnectEngineAsync();
                if (engine is not null && await Run.ServingContainerAsync(engine) is not null)
                {
                    // Deployed here: check the target version's image is there before the alias moves, so a failure moves nothing.
                    _engine = engine;
                    var target = registry.RollbackTarget(To);
                    Run.RequirePushedImage(target);
                    await DeployVersionAsync(target);
                }
            }
            catch when (Run.Tracking is not null)
            {
                Run.Tracking.MoveChampion(Run, current);
                throw;
            }

            var move = registry.Rollback(ActorName, Reason ?? "rolled back by hand", To);
            Log.Success($"champion: {move.From ?? "none"} -> {move.To}");
        });

    static string ActorName => Environment.GetEnvironmentVariable("GITHUB_ACTOR") ?? Environment.UserName;

}
