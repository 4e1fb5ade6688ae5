namespace ModelPipeline.Reports;

/// <summary>A curve such as ROC or precision-recall, points in drawing order; downsampled to 300 points when drawn.</summary>
/// <param name="Points">The points, in the order they are connected.</param>
/// <param name="Area">Area under the curve, shown in the legend when given.</param>
public sealed record Curve(IReadOnlyList<CurvePoint> Points, double? Area = null)
{
    /// <summary>Builds a curve from parallel coordinate arrays (e.g. fpr/tpr from an evaluator).</summary>
    /// <exception cref="ArgumentException">When the arrays differ in length.</exception>
    public static Curve From(IReadOnlyList<double> x, IReadOnlyList<double> y, double? area = null)
    {
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"A curve needs as many x values as y values (got {x.Count} and {y.Count}).", nameof(y));
        }

        var points = new CurvePoint[x.Count];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = new CurvePoint(x[i], y[i]);
        }

        return new Curve(points, area);
    }
}
