namespace ModelPipeline.Evaluation;

/// <summary>DeLong's comparison of two AUCs on the same rows: z = (AucA - AucB) / StandardError, two-sided p.</summary>
public sealed record DeLongResult(double AucA, double AucB, double StandardError, double Z, double PValue)
{
    public double Difference => AucA - AucB;
}
