using System.Globalization;
using System.Text.Json.Nodes;
using ModelPipeline.Registry;
using ModelPipeline.Targets;
using ModelPipeline.Tracking;
using ModelPipeline.Training;

namespace ModelPipeline.Build;

/// <summary>
/// Glue between the run artifacts / local registry and an MLflow tracking server (the Tracking library knows neither):
/// a run per Retrain, Evaluate and CompareWithChampion in the experiment named after the pipeline, with parameters,
/// metrics, tags and artifacts; a promoted version registered under the pipeline's name with the <c>champion</c> alias
/// moved as the local one moves. Without <c>--mlflow-required</c> the first failure is one warning and this run logs
/// nothing more to MLflow (the local registry is the record); with it, the failure is the build's one-line error.
/// </summary>
internal sealed class MlflowTracking(MLflowClient client, bool required, BuildLog log) : IDisposable
{
    /// <summary>The tag naming ModelPipeline's version on an MLflow model version.</summary>
    public const string VersionTag = "modelpipeline.version";

    public const string ChampionAlias = ModelRegistry.ChampionAlias;

    private bool _unavailable;

    public string Server => client.Server;

    /// <summary>A tracker for <paramref name="uri"/>, or null when none is named (or, not required, when the URI is unusable).</summary>
    public static MlflowTracking? Create(string? uri, MLflowCredentials credentials, bool required, BuildLog log)
    {
        if (string.IsNullOrWhiteSpace(uri))
        {
            return null;
        }

        try
        {
            return new MlflowTracking(new MLflowClient(uri.Trim(), credentials), required, log);
        }
        catch (MLflowException e) when (!required)
        {
            log.Warning(NotLogging(e));
            return null;
        }
    }

    /// <summary>The Retrain run: hyper-parameters, trainer, fit time, CV scores of a search, the model file, retrain.json and search.json.</summary>
    public void LogRetrain(PipelineRun run) => Try(async () =>
    {
        var record = run.RequireRetrainRecord();
        var parameters = new SortedDictionary<string, string>(record.Parameters.ToDictionary(), StringComparer.Ordinal)
        {
            ["trainer"] = record.Trainer,
            ["model_kind"] = record.ModelKind,
            ["train_rows"] = Number(record.TrainRows),
            ["holdout_rows"] = Number(record.HoldoutRows),
        };
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal) { ["fit_seconds"] = record.FitSeconds };
        AddSearchScores(run.Artifacts, metrics);
        var files = new Dictionary<string, string>
        {
            ["model/" + ModelKinds.Find(record.ModelKind).FileName] = run.Artifacts.ChallengerModel,
            ["retrain.json"] = run.Artifacts.RetrainRecord,
            ["search.json"] = run.Artifacts.SearchFile,
        };
        await LogRunAsync(run, "retrain", "Retrain", record, parameters, metrics, new Dictionary<string, string>(), files);
    });

    /// <summary>The Evaluate run: the challenger's holdout metrics and evaluation.json.</summary>
    public void LogEvaluate(PipelineRun run, IReadOnlyDictionary<string, double> metrics) => Try(async () =>
    {
        var record = run.RequireRetrainRecord();
        var parameters = new Dictionary<string, string> { ["holdout_rows"] = Number(record.HoldoutRows) };
        var files = new Dictionary<string, string> { ["evaluation.json"] = run.Artifacts.EvaluationFile };
        await LogRunAsync(run, "evaluate", "Evaluate", record, parameters, metrics, new Dictionary<string, string>(), files);
    });

    /// <summary>
    /// The CompareWithChampion run (the decision's tags, both primary values, the challenger's metrics, the reports, decision.json,
    /// evaluation.json and the model file), the model version tag on this run's earlier runs, and, when promoted, the version
    /// registered in MLflow's Model Registry with the champion alias on it. Called before the local registry is written, so
    /// that with --mlflow-required a failure leaves it unchanged. Returns the runs for the version's lineage, or null.
    /// </summary>
    public IReadOnlyDictionary<string, string>? LogCompare(PipelineRun run, DecisionRecord decision, IReadOnlyDictionary<string, double> metrics,
        IReadOnlyDictionary<string, byte[]> reports, byte[] model, string modelFile)
    {
        IReadOnlyDictionary<string, string>? lineage = null;
        Try(async () =>
        {
            var record = run.RequireRetrainRecord();
            var tags = new Dictionary<string, string>
            {
                ["model_version"] = decision.Version,
                ["decision"] = decision.Promoted ? "promoted" : "rejected",
                ["verdict"] = Cut(decision.Verdict),
                ["primary_metric"] = decision.PrimaryMetric,
                ["champion_version"] = decision.ChampionVersion ?? "",
            };
            var values = new SortedDictionary<string, double>(metrics.ToDictionary(), StringComparer.Ordinal)
            {
                ["challenger_" + decision.PrimaryMetric] = decision.ChallengerValue,
            };
            if (decision.ChampionValue is { } championValue)
            {
                values["champion_" + decision.PrimaryMetric] = championValue;
            }

            var files = new Dictionary<string, string> { ["evaluation.json"] = run.Artifacts.EvaluationFile };
            var uploads = reports.ToDictionary(r => r.Key, r => r.Value);
            uploads["model/" + modelFile] = model;
            var (experiment, compare, runs) = await LogRunAsync(run, "compare", "CompareWithChampion", record,
                new Dictionary<string, string>(), values, tags, files, uploads);
            foreach (var (stage, id) in runs.Where(r => r.Key != "compare"))
            {
                await client.SetTagAsync(id, "model_version", decision.Version);
            }

            if (decision.Promoted)
            {
                await client.EnsureRegisteredModelAsync(run.Definition.Name);
                var version = await client.FindModelVersionAsync(run.Definition.Name, VersionTag, decision.Version)
                    ?? await client.CreateModelVersionAsync(run.Definition.Name, MLflowClient.ArtifactSource(compare, "model"), compare.RunId,
                        VersionTags(decision.Version, record.DataHash, record.ConfigHash, PipelineRun.GitCommit(run.Root)), Cut(decision.Verdict));
                await client.SetAliasAsync(run.Definition.Name, ChampionAlias, version);
                log.Information($"MLflow: {run.Definition.Name} version {version} ({decision.Version}) registered and aliased {ChampionAlias} at {Server}");
            }

            var tracking = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["mlflow.server"] = Server, ["mlflow.experiment_id"] = experiment };
            foreach (var (stage, id) in runs)
            {
                tracking[$"mlflow.{stage}"] = id;
            }

            lineage = tracking;
        });
        return lineage;
    }

    /// <summary>
    /// Moves MLflow's champion alias to <paramref name="version"/> (or removes it for null), registering the version in
    /// MLflow first when it is not there (a "Register" run carrying the registry's model file). Called before the local alias moves.
    /// </summary>
    public void MoveChampion(PipelineRun run, ModelVersion? version) => Try(async () =>
    {
        var name = run.Definition.Name;
        if (version is null)
        {
            await client.DeleteAliasAsync(name, ChampionAlias);
            log.Information($"MLflow: {name} has no {ChampionAlias} at {Server}");
            return;
        }

        await client.EnsureRegisteredModelAsync(name);
        var found = await client.FindModelVersionAsync(name, VersionTag, version.Version);
        if (found is null)
        {
            var experiment = await client.GetOrCreateExperimentAsync(name);
            var tags = VersionTags(version.Version, version.Lineage.DataHash, version.Lineage.ConfigHash, version.Lineage.GitCommit);
            var register = await client.CreateRunAsync(experiment, $"Register {version.Version}", tags);
            await client.UploadArtifactAsync(register, "model/" + version.ModelFile, run.Registry.ReadModel(version));
            await client.FinishRunAsync(register.RunId);
            found = await client.CreateModelVersionAsync(name, MLflowClient.ArtifactSource(register, "model"), register.RunId, tags);
        }

        await client.SetAliasAsync(name, ChampionAlias, found);
        log.Information($"MLflow: {name} version {found} ({version.Version}) aliased {ChampionAlias} at {Server}");
    });

    public void Dispose() => client.Dispose();

    private async Task<(string Experiment, MLflowRun Run, IReadOnlyDictionary<string, string> Runs)> LogRunAsync(PipelineRun run, string stage, string runName,
        RetrainRecord record, IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, double> metrics,
        IReadOnlyDictionary<string, string> extraTags, IReadOnlyDictionary<string, string> files, IReadOnlyDictionary<string, byte[]>? uploads = null)
    {
        var pipeline = run.Definition.Name;
        var previous = run.Artifacts.Read<MlflowRecord>(run.Artifacts.MlflowRecord) is { } saved && saved.Server == Server ? saved : null;
        var experiment = previous?.ExperimentId ?? await client.GetOrCreateExperimentAsync(pipeline);
        var git = PipelineRun.GitCommit(run.Root);
        var tags = new Dictionary<string, string>
        {
            ["modelpipeline.stage"] = runName,
            ["modelpipeline.run_id"] = record.RunId,
            ["pipeline"] = pipeline,
            ["data_hash"] = record.DataHash,
            ["config_hash"] = record.ConfigHash,
            ["trigger"] = record.Trigger,
        };
        if (git is not null)
        {
            tags["git_sha"] = git;
            tags["mlflow.source.git.commit"] = git;
        }

        foreach (var (key, value) in extraTags)
        {
            tags[key] = value;
        }

        var created = await client.CreateRunAsync(experiment, runName, tags);
        var runs = new SortedDictionary<string, string>(previous?.Runs.ToDictionary() ?? [], StringComparer.Ordinal) { [stage] = created.RunId };
        run.Artifacts.Write(run.Artifacts.MlflowRecord, new MlflowRecord(Server, experiment, runs));
        try
        {
            await client.LogBatchAsync(created.RunId, parameters, metrics, new Dictionary<string, string>());
            foreach (var (path, file) in files.Where(f => File.Exists(f.Value)))
            {
                await client.UploadArtifactAsync(created, path, await File.ReadAllBytesAsync(file));
            }

            foreach (var (path, bytes) in uploads ?? new Dictionary<string, byte[]>())
            {
                await client.UploadArtifactAsync(created, path, bytes);
            }

            await client.FinishRunAsync(created.RunId);
        }
        catch (MLflowException)
        {
            await EndFailedAsync(created.RunId);
            throw;
        }

        log.Information($"MLflow: {runName} logged as run {created.RunId} in experiment '{pipeline}' at {Server}");
        return (experiment, created, runs);
    }

    private async Task EndFailedAsync(string runId)
    {
        try
        {
            await client.FinishRunAsync(runId, "FAILED");
        }
        catch (MLflowException)
        {
            // The first failure is the one reported.
        }
    }

    /// <summary>Runs one MLflow step: a failure is the build's error when required, else one warning and no more MLflow calls in this run.</summary>
    private void Try(Func<Task> step)
    {
        if (_unavailable)
        {
            return;
        }

        try
        {
            step().GetAwaiter().GetResult();
        }
        catch (MLflowException e) when (!required)
        {
            _unavailable = true;
            log.Warning(NotLogging(e));
        }
    }

    private static string NotLogging(MLflowException e) =>
        $"{e.Message}; not logging to MLflow in this run (the local registry is the record; --mlflow-required makes this an error)";

    private static void AddSearchScores(RunArtifacts artifacts, IDictionary<string, double> metrics)
    {
        if (!File.Exists(artifacts.SearchFile) || JsonNode.Parse(File.ReadAllBytes(artifacts.SearchFile)) is not JsonObject search)
        {
            return;
        }

        var metric = (string?)search["metric"] ?? "score";
        var best = (int?)search["best_trial"];
        var trial = search["trials"]?.AsArray().FirstOrDefault(t => (int?)t?["index"] == best);
        metrics[$"cv_{metric}_mean"] = (double?)search["best_score"] ?? double.NaN;
        metrics[$"cv_{metric}_std"] = (double?)trial?["score"]?["standard_deviation"] ?? double.NaN;
        metrics["cv_folds"] = trial?["score"]?["fold_scores"]?.AsArray().Count ?? double.NaN;
        metrics["search_trials"] = search["trials"]?.AsArray().Count ?? 0;
    }

    private static Dictionary<string, string> VersionTags(string version, string dataHash, string configHash, string? git)
    {
        var tags = new Dictionary<string, string> { [VersionTag] = version, ["model_version"] = version, ["data_hash"] = dataHash, ["config_hash"] = configHash };
        if (git is not null)
        {
            tags["git_sha"] = git;
        }

        return tags;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>MLflow keeps tag values up to 5000 characters in its older stores.</summary>
    private static string Cut(string text) => text.Length <= 5000 ? text : text[..4999] + "…";
}
