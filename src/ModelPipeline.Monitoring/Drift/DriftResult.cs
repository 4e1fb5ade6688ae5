using System.Globalization;

namespace ModelPipeline.Monitoring;

/// <summary>What the Monitor target found: feature, prediction and label drift, decay and anomalies, and a one-line verdict.</summary>
public sealed record DriftResult(
    IReadOnlyList<ColumnDrift> Features,
    double DriftShare,
    bool DatasetDrift,
    ColumnDrift Prediction,
    LabelDrift? Label,
    DecayCheck? Decay,
    AnomalySummary? Anomalies,
    long ReferenceRows,
    long CurrentRows)
{
    public int DriftedFeatures => Features.Count(f => f.Drifted);

    /// <summary>True when dataset, prediction or label drift or decay crossed its threshold: time to retrain.</summary>
    public bool RetrainRecommended => DatasetDrift || Prediction.Drifted || Label?.Drifted == true || Decay?.Decayed == true;

    /// <summary>
    /// One line, e.g. "no input drift (0/8 features); no prediction drift; label drift (0.215 -> 0.184); decay: auc
    /// 0.705 -> 0.655 (-0.050, allowed 0.020); anomalies 1.1% (reference 1.0%) -> retrain".
    /// </summary>
    public string Verdict
    {
        get
        {
            var parts = new List<string> { InputPart() };
            parts.Add(Prediction.Drifted ? $"prediction drift ({Statistic(Prediction)})" : "no prediction drift");
            if (Label is { } label)
            {
                parts.Add($"{(label.Drifted ? "label drift" : "labels stable")} ({F(label.ReferenceRate)} -> {F(label.CurrentRate)})");
            }

            if (Decay is { } decay)
            {
                var change = decay.Change.ToString("+0.000;-0.000", CultureInfo.InvariantCulture);
                parts.Add($"{(decay.Decayed ? "decay" : "no decay")}: {decay.Metric} {F(decay.Reference)} -> {F(decay.Current)} ({change}, allowed {F(decay.MaxDrop)})");
            }

            if (Anomalies is { } anomalies)
            {
                parts.Add($"{(anomalies.Raised ? "anomalies up" : "anomalies")} {P(anomalies.Rate)} (reference {P(anomalies.ReferenceRate)})");
            }

            return $"{string.Join("; ", parts)} -> {(RetrainRecommended ? "retrain" : "ok")}";
        }
    }

    private string InputPart()
    {
        var drifted = Features.Where(f => f.Drifted).Select(f => f.Name).ToList();
        var count = $"{drifted.Count}/{Features.Count} features";
        if (drifted.Count == 0)
        {
            return $"no input drift ({count})";
        }

        var names = string.Join(", ", drifted.Take(5)) + (drifted.Count > 5 ? ", ..." : string.Empty);
        return DatasetDrift ? $"input drift ({count}: {names})" : $"no dataset drift ({count}: {names})";
    }

    private static string Statistic(ColumnDrift drift) =>
        $"{drift.MethodName} {drift.Statistic.ToString(drift.StatisticIsPValue ? "0.###E+0" : "0.000", CultureInfo.InvariantCulture)}";

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string P(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);
}
