using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.Evaluation;

public static partial class CrossValidation
{
    /// <summary>
    /// Seeded k-fold cross-validation of <paramref name="spec"/> on <paramref name="frame"/>, stratified by the label
    /// for classification: fits one model per fold (<see cref="ModelTrainer.Fit"/>) and scores it on the held-out fold.
    /// </summary>
    /// <param name="parallelism">Folds fitted at once; each fit then gets the remaining cores. The result does not depend on it.</param>
    public static CrossValidationScore Score(Frame frame, TrainingSpec spec, int folds, string metric, int seed, int parallelism = 1)
    {
        var stratify = spec.Task == TaskKind.Regression ? null : spec.Label;
        return Score(frame, spec, Folds(frame, folds, seed, stratify), metric, parallelism);
    }

    /// <summary>Cross-validation on the given folds.</summary>
    /// <exception cref="UnknownMetricException">The metric does not apply to the spec's task.</exception>
    public static CrossValidationScore Score(Frame frame, TrainingSpec spec, IReadOnlyList<Fold> folds, string metric, int parallelism = 1)
    {
        RequireMetricFor(spec.Task, metric);
        if (parallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism, "Parallelism must be at least 1.");
        }

        var fitSpec = parallelism == 1 ? spec : spec with { Threads = Math.Max(1, (spec.Threads ?? Environment.ProcessorCount) / parallelism) };
        var scores = new double[folds.Count];
        Concurrently.For(folds.Count, parallelism, f => scores[f] = FoldScore(frame, fitSpec, folds[f], metric));
        return new CrossValidationScore(metric, scores);
    }

    internal static double FoldScore(Frame frame, TrainingSpec spec, Fold fold, string metric)
    {
        var model = ModelTrainer.Fit(frame.Take(fold.Train), spec);
        return ModelEvaluator.Evaluate(model, frame.Take(fold.Test), threads: spec.Threads).Metrics[metric];
    }

    internal static void RequireMetricFor(TaskKind task, string metric)
    {
        var applicable = task switch
        {
            TaskKind.Binary => MetricNames.Binary,
            TaskKind.Multiclass => MetricNames.Multiclass,
            _ => MetricNames.Regression,
        };
        if (!applicable.Contains(metric, StringComparer.Ordinal))
        {
            throw new UnknownMetricException(metric, applicable);
        }
    }
}
