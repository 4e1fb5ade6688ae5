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

    /// <summary>Reads "metric op value", e.g. "auc >= 0.80" (invariant number format).</summary>
    /// <exception cref="GateRulesException">Not of that shape, or an unknown metric or operator.</exception>
    public static MetricThreshold Parse(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || !double.TryParse(parts[2], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            throw new GateRulesException($"Threshold '{text}' is not of the form '<metric> <op> <number>', e.g. 'auc >= 0.80'.");
        }

        if (!MetricNames.IsKnown(parts[0]))
        {
            throw new GateRulesException($"Unknown threshold metric '{parts[0]}'. Available: {string.Join(", ", MetricNames.All)}.");
        }

        return new MetricThreshold(parts[0], ParseOperator(parts[1]), value);
    }

    public bool IsMetBy(double value) => Operator switch
    {
        ThresholdOperator.AtLeast => value >= Value,
        ThresholdOperator.Above => value > Value,
        ThresholdOperator.AtMost => value <= Value,
        _ => value < Value,
    };

    public override string ToString() => $"{Metric} {Symbol} {Value:0.####}";
}
