using System.Globalization;

namespace ModelPipeline.Definitions;

/// <summary>An absolute bar a candidate's metric must clear, e.g. <c>auc: "&gt;= 0.80"</c>.</summary>
public sealed record Threshold(string Metric, ThresholdOperator Operator, double Value)
{
    public bool IsMet(double actual) => Operator switch
    {
        ThresholdOperator.AtLeast => actual >= Value,
        ThresholdOperator.Above => actual > Value,
        ThresholdOperator.AtMost => actual <= Value,
        _ => actual < Value,
    };

    public string Symbol => Operator switch
    {
        ThresholdOperator.AtLeast => ">=",
        ThresholdOperator.Above => ">",
        ThresholdOperator.AtMost => "<=",
        _ => "<",
    };

    public override string ToString() => $"{Metric} {Symbol} {Value.ToString("R", CultureInfo.InvariantCulture)}";
}
