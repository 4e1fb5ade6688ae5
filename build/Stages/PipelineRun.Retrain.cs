using System.Diagnostics;
using ModelPipeline.Data;
using ModelPipeline.Definitions;
using ModelPipeline.Evaluation;
using ModelPipeline.Registry;
using ModelPipeline.Targets;
using ModelPipeline.Training;

namespace ModelPipeline.Build;

internal sealed partial class PipelineRun
{
    /// <summary>
    /// Retrains the challenger on the train split, unless data and config are unchanged since the latest
    /// registered version (then records the skip and returns its reason). <paramref name="force"/> retrains anyway.
    /// </summary>
    public string? Retrain(bool force, string trigger)
    {
        var definition = Definition;
        var fingerprint = Fingerprint;
        Artifacts.Delete(Artifacts.RetrainRecord, Artifacts.SearchFile, Artifacts.ChallengerModel, Artifacts.EvaluationFile, Artifacts.DecisionFile,
            Artifacts.ImageRecord, Artifacts.PushRecord, Artifacts.MlflowRecord);
        var latest = Registry.Latest;
        var files = fingerprint.Files.Select(f => new DataFileEntry(f.Name, f.Sha256, f.Bytes)).ToArray();
        var runId = $"{DateTimeOffset.UtcNow:yyyyMMddTHHmmssZ}-{Guid.NewGuid().ToString("N")[..8]}";
        if (!force && latest is not null && latest.Lineage.DataHash == fingerprint.Combined && latest.Lineage.ConfigHash == definition.ConfigHash)
        {
            var role = Registry.Champion?.Version == latest.Version ? "champion" : "latest version, not champion";
            var reason = $"unchanged since {latest.Version} ({role}): same data {Short(fingerprint.Combined)} and config {Short(definition.ConfigHash)}; --force retrains";
            Artifacts.Write(Artifacts.RetrainRecord, new RetrainRecord(definition.Name, false, latest.Version, fingerprint.Combined,
                definition.ConfigHash, files, "", new Dictionary<string, string>(), runId, trigger, 0, 0, 0));
            return reason;
        }

        var spec = DefinitionMapping.TrainingSpec(definition, Threads);
        var train = Frame.Take(Split.Train);
        if (definition.Trainer.Type == TrainerType.MLNet)
        {
            if (definition.Search is not null)
            {
                throw new InvalidOperationException($"{definition.SourceFile}: search: applies to the built-in trainers only; remove it for trainer.type mlnet");
            }

            return Record(definition, fingerprint, files, runId, trigger, spec, train, () => MLNetRetrain.Fit(train, spec, definition.Trainer));
        }

        if (definition.Trainer.IsExternal)
        {
            return Record(definition, fingerprint, files, runId, trigger, spec, train, () => TrainExternal(train, spec));
        }

        SearchLeaderboard? leaderboard = null;
        if (definition.Trainer.Type == TrainerType.Auto)
        {
            (spec, leaderboard) = Auto(train, spec, definition.Search!);
        }
        else if (definition.Search is { } search)
        {
            spec = Search(train, spec, search);
        }

        return Record(definition, fingerprint, files, runId, trigger, spec, train, () => FitBuiltIn(train, spec), leaderboard);
    }

    private string? Record(PipelineDefinition definition, DataFingerprint fingerprint, DataFileEntry[] files, string runId, string trigger,
        TrainingSpec spec, Frame train, Func<IScoringModel> fit, SearchLeaderboard? leaderboard = null)
    {
        var trainer = definition.Trainer.Type switch
        {
            TrainerType.MLNet => $"mlnet:{definition.Trainer.Name ?? definition.Trainer.Estimator}",
            TrainerType.OnnxFile => $"onnx_file {definition.Trainer.Path}",
            TrainerType.Command => "command",
            _ => spec.TrainerType,
        };
        Log.Information($"Training {trainer} on {train.RowCount:N0} rows ({Split.Holdout.Length:N0} held out, seed {spec.Seed})");
        var watch = Stopwatch.StartNew();
        var model = fit();
        watch.Stop();
        _challenger = model;
        Artifacts.WriteBytes(Artifacts.ChallengerModel, model.ToBytes());
        Artifacts.Write(Artifacts.RetrainRecord, new RetrainRecord(definition.Name, true, null, fingerprint.Combined, definition.ConfigHash,
            files, model.TrainerType, model.Parameters, runId, trigger, watch.Elapsed.TotalSeconds, Split.Train.Length, Split.Holdout.Length)
        {
            ModelKind = model.Kind,
            Search = leaderboard,
        });
        Log.Success($"Trained {model.TrainerType} in {watch.Elapsed.TotalSeconds:F2} s -> {Rel(Artifacts.ChallengerModel)}");
        Tracking?.LogRetrain(this);
        return null;
    }

    private TrainedModel FitBuiltIn(Frame train, TrainingSpec spec)
    {
        ProgressBar? bar = null;
        var stage = "";
        var model = ModelTrainer.Fit(train, spec, new ImmediateProgress<TrainingProgress>(p =>
        {
            if (!Log.IsInteractive)
            {
                Log.Debug($"{p.Stage} {p.Done}/{p.Total}");
                return;
            }

            if (bar is null || p.Stage != stage)
            {
                bar?.Dispose();
                (bar, stage) = (Log.Progress($"Training: {p.Stage}", p.Total), p.Stage);
            }

            bar.Report(p.Done);
        }));
        bar?.Dispose();
        return model;
    }

    private TrainingSpec Search(Frame train, TrainingSpec spec, SearchSection search)
    {
        var watch = Stopwatch.StartNew();
        var options = SearchMapping.Options(search, Definition);
        Log.Information($"Searching {search.Strategy.ToString().ToLowerInvariant()} over {string.Join(", ", search.Space.Keys)} " +
            $"({search.Folds}-fold CV on {options.Metric}, {search.Parallelism} in parallel)");
        ProgressBar? bar = null;
        var gate = new object();
        var result = HyperparameterSearch.Run(train, spec, SearchMapping.Space(search), options,
            new ImmediateProgress<SearchProgress>(p =>
            {
                lock (gate)
                {
                    bar ??= Log.Progress("  trials", p.Total);
                    bar.Report(p.Completed, string.Join(", ", p.Trial.Parameters.Select(x => $"{x.Key}={x.Value}")) + " -> " +
                        (p.Trial.Error ?? $"{p.Trial.MeanScore:0.0000} ± {p.Trial.StandardDeviation:0.0000}"));
                }
            }));
        bar?.Dispose();
        Artifacts.Write(Artifacts.SearchFile, result);
        Log.Success($"Best of {result.Trials.Count} trials: {string.Join(", ", result.BestParameters.Select(p => $"{p.Key}={p.Value}"))} " +
            $"({result.Metric} {result.BestScore:0.0000}) in {watch.Elapsed.TotalSeconds:F1} s -> {Rel(Artifacts.SearchFile)}");
        var merged = new Dictionary<string, string>(spec.Parameters, StringComparer.Ordinal);
        foreach (var (name, value) in result.BestParameters)
        {
            merged[name] = value;
        }

        return spec with { Parameters = merged };
    }

    /// <summary>
    /// <c>trainer.type: auto</c>: searches the built-in families on the training rows only (never the holdout) and
    /// returns the winner's spec, to refit on all of them, and the leaderboard for the lineage. A budget too small for
    /// one candidate, or a search that cannot run, stops the build in one line at the budget's file:line:column.
    /// </summary>
    private (TrainingSpec Spec, SearchLeaderboard Leaderboard) Auto(Frame train, TrainingSpec spec, SearchSection search)
    {
        var watch = Stopwatch.StartNew();
        var options = SearchMapping.AutoOptions(search, Definition, Threads);
        Log.Information(FormattableString.Invariant(
            $"Searching gradient boosting and linear models ({search.Folds}-fold CV on {options.Metric} over {train.RowCount:N0} training rows, budget {search.MaxSeconds:0.###} s = {options.MaxSeconds * AutoSearch.WorkPerSecond / 1e6:N0} M work units, {options.Parallelism} fits at once)"));
        ProgressBar? bar = null;
        var gate = new object();
        AutoSearchResult result;
        try
        {
            result = AutoSearch.Run(train, spec, options, new ImmediateProgress<AutoSearchProgress>(p =>
            {
                lock (gate)
                {
                    bar ??= Log.Progress("  auto search (M work)", (int)Math.Max(1, p.WorkPlanned / 1_000_000));
                    bar.Report((int)(p.WorkDone / 1_000_000));
                }
            }));
        }
        catch (SearchException error)
        {
            throw new InputMistakeException($"{search.BudgetLocation}: trainer.type auto: {error.Message}; nothing was trained or registered");
        }
        finally
        {
            bar?.Dispose();
        }

        watch.Stop();
        var leaderboard = SearchMapping.Leaderboard(result, search.MaxSeconds, watch.Elapsed);
        Artifacts.Write(Artifacts.SearchFile, leaderboard);
        foreach (var c in result.Leaderboard.Take(5))
        {
            Log.Information(FormattableString.Invariant(
                $"  #{c.Index,-3} {c.Trainer,-19} {result.Metric} {c.MeanScore:0.0000} ± {c.StandardDeviation:0.0000} (rung {c.Rung + 1}/{result.Rungs}) {string.Join(" ", c.Parameters.Select(p => $"{p.Key}={p.Value}"))}"));
        }

        Log.Success(FormattableString.Invariant(
            $"Chose #{result.Best.Index} {result.Best.Trainer} ({result.Metric} {result.Best.MeanScore:0.0000} ± {result.Best.StandardDeviation:0.0000}) of {result.Candidates.Count} candidates, {result.SpentWork / 1e6:N0} of {result.BudgetWork / 1e6:N0} M work units in {watch.Elapsed.TotalSeconds:F1} s -> {Rel(Artifacts.SearchFile)}"));
        return (result.BestSpec(spec), leaderboard);
    }

    private static string Short(string hash) => hash[..Math.Min(12, hash.Length)];
}
