namespace ModelPipeline.Evaluation;

/// <summary>Paired comparisons are only meaningful when both models were scored on the same rows.</summary>
internal static class SameRows
{
    public static void Require(ModelEvaluation challenger, ModelEvaluation champion)
    {
        if (challenger.Task != champion.Task)
        {
            throw new EvaluationException($"Cannot compare a {challenger.Task} challenger with a {champion.Task} champion.");
        }

        if (!challenger.Classes.SequenceEqual(champion.Classes, StringComparer.Ordinal))
        {
            throw new EvaluationException(
                $"Champion and challenger predict different classes ([{string.Join(", ", champion.Classes)}] vs [{string.Join(", ", challenger.Classes)}]); they cannot be compared row by row.");
        }

        if (challenger.RowCount != champion.RowCount || !challenger.Actual.AsSpan().SequenceEqual(champion.Actual))
        {
            throw new EvaluationException(
                $"Champion and challenger were not scored on the same holdout rows ({champion.RowCount} vs {challenger.RowCount} rows, or different targets); score both on the same holdout.");
        }
    }
}
