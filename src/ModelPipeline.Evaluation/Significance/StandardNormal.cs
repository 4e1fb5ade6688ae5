using MathNet.Numerics;

namespace ModelPipeline.Evaluation;

/// <summary>Tail probabilities used by the significance tests.</summary>
internal static class StandardNormal
{
    /// <summary>P(|Z| &gt;= |z|) for a standard normal Z.</summary>
    public static double TwoSidedP(double z) => SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2));

    /// <summary>P(X &gt;= x) for X chi-squared with one degree of freedom.</summary>
    public static double ChiSquareOneTail(double x) => x <= 0 ? 1 : SpecialFunctions.Erfc(Math.Sqrt(x / 2));
}
