namespace ModelPipeline.Definitions;

/// <summary>The metric names a pipeline may use, per task, and which of them are better when lower.</summary>
public static class MetricCatalog
{
    private static readonly string[] BinaryMetrics = ["accuracy", "precision", "recall", "f1", "auc", "auc_pr", "log_loss"];
    private static readonly string[] MulticlassMetrics = ["accuracy", "macro_f1", "micro_f1", "log_loss"];
    private static readonly string[] RegressionMetrics = ["rmse", "mae", "r2"];

    public static IReadOnlyList<string> For(PipelineTask task) => task switch
    {
        PipelineTask.Binary => BinaryMetrics,
        PipelineTask.Multiclass => MulticlassMetrics,
        _ => RegressionMetrics,
    };

    public static bool IsValid(PipelineTask task, string metric) => For(task).Contains(metric, StringComparer.Ordinal);

    public static bool LowerIsBetter(string metric) => metric is "log_loss" or "rmse" or "mae";

    /// <summary>The primary metric when the gate names none.</summary>
    public static string DefaultPrimary(PipelineTask task) => task switch
    {
        PipelineTask.Binary => "auc",
        PipelineTask.Multiclass => "macro_f1",
        _ => "rmse",
    };
}
