namespace ModelPipeline.Evaluation.Tests;

/// <summary>Agreement with scikit-learn to 1e-9.</summary>
internal static class Near
{
    public const double Tolerance = 1e-9;

    public static void Equal(double expected, double actual, string what)
    {
        Assert.True(
            Math.Abs(expected - actual) <= Tolerance || (double.IsNaN(expected) && double.IsNaN(actual)),
            $"{what}: expected {expected:R}, got {actual:R}");
    }

    public static void Equal(double[] expected, double[] actual, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: expected {expected.Length} points, got {actual.Length}");
        for (var i = 0; i < expected.Length; i++)
        {
            Equal(expected[i], actual[i], $"{what}[{i}]");
        }
    }
}
