namespace ModelPipeline.Reports;

/// <summary>
/// Largest-Triangle-Three-Buckets downsampling: keeps the first and last point and, per bucket, the point that
/// best preserves the curve's shape. Used so a 10,000-point ROC curve is drawn with at most 300 points.
/// </summary>
internal static class Downsampler
{
    public const int CurvePoints = 300;

    public static IReadOnlyList<CurvePoint> Reduce(IReadOnlyList<CurvePoint> points, int maxPoints = CurvePoints)
    {
        var finite = points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToArray();
        if (finite.Length <= maxPoints || maxPoints < 3)
        {
            return finite;
        }

        var result = new List<CurvePoint>(maxPoints) { finite[0] };
        var bucketSize = (double)(finite.Length - 2) / (maxPoints - 2);
        var previous = 0;
        for (var bucket = 0; bucket < maxPoints - 2; bucket++)
        {
            var start = (int)(bucket * bucketSize) + 1;
            var end = Math.Min((int)((bucket + 1) * bucketSize) + 1, finite.Length - 1);
            var nextStart = end;
            var nextEnd = Math.Min((int)((bucket + 2) * bucketSize) + 1, finite.Length);
            double avgX = 0, avgY = 0;
            for (var i = nextStart; i < nextEnd; i++)
            {
                avgX += finite[i].X;
                avgY += finite[i].Y;
            }

            var count = Math.Max(1, nextEnd - nextStart);
            avgX /= count;
            avgY /= count;
            var best = start;
            var bestArea = -1.0;
            var a = finite[previous];
            for (var i = start; i < end; i++)
            {
                var area = Math.Abs(((a.X - avgX) * (finite[i].Y - a.Y)) - ((a.X - finite[i].X) * (avgY - a.Y)));
                if (area > bestArea)
                {
                    bestArea = area;
                    best = i;
                }
            }

            result.Add(finite[best]);
            previous = best;
        }

        result.Add(finite[^1]);
        return result;
    }
}
