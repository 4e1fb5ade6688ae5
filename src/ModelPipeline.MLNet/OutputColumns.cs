using Microsoft.ML;
using Microsoft.ML.Data;
using ModelPipeline.Training;

namespace ModelPipeline.MLNet;

/// <summary>The columns of a scored ML.NET view that <see cref="MLNetModel"/> reads, checked against the task.</summary>
internal sealed record OutputColumns(DataViewSchema.Column Score, DataViewSchema.Column? Probability)
{
    public IEnumerable<DataViewSchema.Column> Needed => Probability is { } p ? [Score, p] : [Score];

    /// <exception cref="MLNetModelException">No usable <c>Score</c> column (or of the wrong type for the task).</exception>
    public static OutputColumns Find(DataViewSchema schema, TaskKind task)
    {
        var score = schema.GetColumnOrNull("Score");
        var probability = schema.GetColumnOrNull("Probability");
        var expected = task == TaskKind.Multiclass ? "a vector of Single (one score per class)" : "a Single";
        if (score is not { } found)
        {
            throw new MLNetModelException(
                $"the ML.NET pipeline's output has no 'Score' column ({expected}) for a {task.ToString().ToLowerInvariant()} task; its columns: " +
                string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => c.Name)));
        }

        var ok = task == TaskKind.Multiclass
            ? found.Type is VectorDataViewType { ItemType: NumberDataViewType n } && n.RawType == typeof(float)
            : found.Type.RawType == typeof(float);
        if (!ok)
        {
            throw new MLNetModelException($"the ML.NET pipeline's 'Score' column is {found.Type}; a {task.ToString().ToLowerInvariant()} task needs {expected}");
        }

        return new OutputColumns(found, task == TaskKind.Binary && probability is { } p && p.Type.RawType == typeof(float) ? p : null);
    }
}
