namespace ModelPipeline.Evaluation.Tests;

/// <summary>Evaluations built from the fixture scores: two real churn models scored on the same holdout rows.</summary>
internal static class Models
{
    /// <summary>README's logistic regression: auc 0.8419, f1 0.6040, log_loss 0.4206.</summary>
    public static ModelEvaluation ChurnLogreg() => Binary("churn", s => s);

    /// <summary>Tenure + monthly charges only: auc 0.8101, f1 0.4969, log_loss 0.4516.</summary>
    public static ModelEvaluation ChurnWeak() => Binary("churn_weak", s => s);

    /// <summary>The logreg with scores shrunk towards 0.5: the same ranking (AUC) but a worse log-loss.</summary>
    public static ModelEvaluation ChurnLogregUnsure() => Binary("churn", s => 0.5 + ((s - 0.5) * 0.3));

    /// <summary>The logreg with a tiny deterministic wobble: a near-identical model.</summary>
    public static ModelEvaluation ChurnLogregWobble(double size) =>
        Binary("churn", (s, i) => Math.Clamp(s + (size * Math.Sin(i * 12.9898)), 0, 1));

    public static ModelEvaluation Binary(string name, Func<double, double> transform) => Binary(name, (s, _) => transform(s));

    public static ModelEvaluation Binary(string name, Func<double, int, double> transform)
    {
        var (labels, scores) = Fixture.Binary(name);
        return ModelEvaluator.ScoreBinary(labels, [.. scores.Select(transform)], ["stays", "churns"]);
    }

    public static ModelEvaluation Diabetes(double noise)
    {
        var columns = Fixture.Columns("diabetes_holdout.csv");
        var predicted = columns["predicted"].Select((p, i) => p + (noise * Math.Sin(i * 7.31))).ToArray();
        return ModelEvaluator.ScoreRegression(columns["actual"], predicted);
    }
}
