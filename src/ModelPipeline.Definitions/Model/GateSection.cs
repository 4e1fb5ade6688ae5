namespace ModelPipeline.Definitions;

/// <summary>The promotion gate: when a challenger replaces the champion.</summary>
/// <param name="PrimaryMetric">The metric that ranks models (valid for the task, see <see cref="MetricCatalog"/>).</param>
/// <param name="LowerIsBetter">True for log_loss, rmse, mae.</param>
/// <param name="MinImprovement">Absolute gain over the champion, in the primary metric's better direction.</param>
/// <param name="MinRelativeImprovement">Relative gain over the champion (0.01 = 1%).</param>
/// <param name="Guards">Metric name -> largest allowed regression versus the champion (absolute).</param>
/// <param name="FailOnReject">When true a rejected challenger fails the build.</param>
public sealed record GateSection(
    string PrimaryMetric,
    bool LowerIsBetter,
    IReadOnlyList<Threshold> Thresholds,
    double MinImprovement,
    double MinRelativeImprovement,
    IReadOnlyDictionary<string, double> Guards,
    SignificanceSection? Significance,
    bool FailOnReject);
