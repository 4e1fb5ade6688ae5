using ModelPipeline.Evaluation;
using ModelPipeline.Training;

namespace ModelPipeline.Build;

internal sealed partial class PipelineRun
{
    private ModelEvaluation? _challengerEvaluation;

    /// <summary>The challenger scored on the holdout rows.</summary>
    public ModelEvaluation ChallengerEvaluation => _challengerEvaluation ??= Score(Challenger);

    /// <summary>Scores the challenger on the holdout split and writes evaluation.json; returns the metrics.</summary>
    public IReadOnlyDictionary<string, double> Evaluate()
    {
        var evaluation = ChallengerEvaluation;
        var metrics = new SortedDictionary<string, double>(evaluation.Metrics.Values.ToDictionary(), StringComparer.Ordinal);
        Artifacts.Write(Artifacts.EvaluationFile, new EvaluationRecord(Definition.Name, Split.Holdout.Length, metrics));
        Log.Information($"Holdout ({Split.Holdout.Length:N0} rows): " + string.Join(", ", metrics.Select(m => $"{m.Key} {m.Value:0.0000}")));
        Tracking?.LogEvaluate(this, metrics);
        return metrics;
    }

    /// <summary>Scores a model on this run's holdout rows (the same rows for challenger and champion).</summary>
    public ModelEvaluation Score(IScoringModel model)
    {
        var holdout = Holdout;
        var actual = model.ReadTargets(holdout);
        return ModelEvaluator.Score(model.Predict(holdout, Threads), actual);
    }
}
