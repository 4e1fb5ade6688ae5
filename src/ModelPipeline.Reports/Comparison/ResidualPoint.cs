namespace ModelPipeline.Reports;

/// <summary>One holdout row of a regression model: what it predicted and what was true.</summary>
public readonly record struct ResidualPoint(double Predicted, double Actual);
