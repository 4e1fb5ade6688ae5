using ModelPipeline.Data;

namespace ModelPipeline.Monitoring;

/// <summary>
/// Turns a frame into the isolation forest's feature-major numbers: numeric and boolean columns as they are
/// (missing as the reference mean), categorical columns as the reference share of their level (so rare and unseen
/// levels sit at the low end; missing as 0).
/// </summary>
internal static class AnomalyEncoding
{
    public static double[][] Encode(IReadOnlyList<DistributionProfile> features, Frame frame)
    {
        var columns = new double[features.Count][];
        Parallel.For(0, features.Count, f => columns[f] = Encode(features[f], frame));
        return columns;
    }

    private static double[] Encode(DistributionProfile feature, Frame frame)
    {
        if (!frame.TryGetColumn(feature.Name, out var column))
        {
            throw new MonitoringException($"the current data lacks feature column '{feature.Name}'");
        }

        if (column.Numbers is { } numbers)
        {
            var encoded = new double[numbers.Length];
            for (var i = 0; i < numbers.Length; i++)
            {
                encoded[i] = double.IsNaN(numbers[i]) ? feature.Mean : numbers[i];
            }

            return encoded;
        }

        var index = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var k = 0; k < feature.Levels.Length; k++)
        {
            index[feature.Levels[k]] = feature.Shares[k];
        }

        var other = feature.Shares.Length > 0 ? feature.Shares[^1] / Math.Max(1, feature.Levels.Length) : 0;
        var byCode = column.Categories.Select(c => index.TryGetValue(c, out var share) ? share : Math.Min(other, 1e-4)).ToArray();
        var codes = column.Codes!;
        var values = new double[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            values[i] = codes[i] < 0 ? 0 : byCode[codes[i]];
        }

        return values;
    }
}
