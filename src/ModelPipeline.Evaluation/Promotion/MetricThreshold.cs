namespace ModelPipeline.Evaluation;

/// <summary>An absolute bar a model must clear, e.g. <c>auc &gt;= 0.80</c>.</summary>
public sealed record MetricThreshold(string Metric, ThresholdOperator Operator, double Value)
{
    /// <summary>The operator as written in a pipeline file.</summary>
    public string Symbol => Operator switch
    {
        ThresholdOperator.AtLeast => ">=",
        ThresholdOperator.Above => ">",
        ThresholdOperator.AtMost => "<=",
        _ => "<",
    };

    /// <summary>Reads ">=", ">", "&lt;=" or "&lt;".</summary>
    /// <exception cref="GateRulesException">Any other text.</exception>
    public static ThresholdOperator ParseOperator(string symbol) => symbol.Trim() switch
    {
        ">=" => ThresholdOperator.AtLeast,
        ">" => ThresholdOperator.Above,
        "<=" => ThresholdOperator.AtMost,
        "<" => ThresholdOperator.Below,
        _ => throw new GateRulesException($"Unknown threshold operator '{symbol}'; use >=, >, <= or <."),
    };

    public bool IsMetBy(double value) => Operator switch
    {
        ThresholdOperator.AtLeast => value >= Value,
        ThresholdOperator.Above => value > Value,
        ThresholdOperator.AtMost => value <= Value,
        _ => value < Value,
    };

    public override string ToString() => $"{Metric} {Symbol} {Value:0.####}";
}
