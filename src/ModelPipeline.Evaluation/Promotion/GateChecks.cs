using System.Globalization;

namespace ModelPipeline.Evaluation;

/// <summary>Each rule of the gate as a <see cref="GateCheck"/> whose detail spells out the figures.</summary>
internal static class GateChecks
{
    /// <summary>Gains this close to a bar count as meeting it (0.8469 - 0.8419 is not exactly 0.0050 in binary).</summary>
    private const double Tolerance = 1e-12;

    public static GateCheck Threshold(MetricThreshold threshold, double value)
    {
        var passed = threshold.IsMetBy(value);
        return new GateCheck(
            $"threshold {threshold}",
            passed,
            $"{threshold.Metric} {F(value)} {(passed ? "meets" : "fails")} {threshold.Symbol} {F(threshold.Value)}");
    }

    public static GateCheck Improvement(string metric, double challenger, double champion, double minimum)
    {
        var gain = MetricNames.Improvement(metric, challenger, champion);
        var passed = minimum > 0 ? gain >= minimum - Tolerance : gain > 0;
        var lower = MetricNames.Direction(metric) == MetricDirection.LowerIsBetter;
        var needs = minimum > 0
            ? $"needs {(lower ? "<=" : ">=")} {Signed(lower ? -minimum : minimum)}"
            : $"needs {(lower ? "< 0" : "> 0")}";
        return new GateCheck(
            $"improvement {metric}",
            passed,
            $"{metric} {F(challenger)} vs champion {F(champion)} ({Signed(challenger - champion)}), {needs}");
    }

    public static GateCheck RelativeImprovement(string metric, double challenger, double champion, double minimum)
    {
        var gain = MetricNames.Improvement(metric, challenger, champion);
        var relative = champion == 0 ? (gain > 0 ? double.PositiveInfinity : gain < 0 ? double.NegativeInfinity : 0) : gain / Math.Abs(champion);
        var passed = relative >= minimum - Tolerance;
        return new GateCheck(
            $"relative improvement {metric}",
            passed,
            $"{metric} relative gain {relative.ToString("+0.00%;-0.00%;0.00%", CultureInfo.InvariantCulture)}, needs >= {minimum.ToString("+0.00%", CultureInfo.InvariantCulture)}");
    }

    public static GateCheck Guard(string metric, double challenger, double champion, double allowedDrop)
    {
        var drop = -MetricNames.Improvement(metric, challenger, champion);
        var passed = drop <= allowedDrop + Tolerance;
        var verb = MetricNames.Direction(metric) == MetricDirection.LowerIsBetter ? "rise" : "drop";
        var detail = passed
            ? $"{metric} guard ok ({F(challenger)} vs {F(champion)}, may {verb} {F(allowedDrop)})"
            : $"{metric} guard broken ({F(challenger)} vs {F(champion)}, {(verb == "rise" ? "rose" : "dropped")} {F(drop)}, may {verb} {F(allowedDrop)})";
        return new GateCheck($"guard {metric}", passed, detail);
    }

    public static (GateCheck Check, double PValue) Significance(SignificanceRule rule, string metric, double gain, ModelEvaluation challenger, ModelEvaluation champion)
    {
        double p;
        string figures;
        switch (rule.Test)
        {
            case SignificanceTest.DeLong:
                var delong = DeLongTest.Compare(challenger.Labels(), challenger.Predictions.PositiveScores(), champion.Predictions.PositiveScores());
                p = delong.PValue;
                figures = $"delong z {delong.Z.ToString("0.00", CultureInfo.InvariantCulture)}, p {P(p)}";
                break;
            case SignificanceTest.McNemar:
                var mcnemar = McNemarTest.Compare(challenger.Labels(), challenger.PredictedLabels(), champion.PredictedLabels());
                p = mcnemar.PValue;
                figures = $"mcnemar {mcnemar.OnlyACorrect} rows only challenger right vs {mcnemar.OnlyBCorrect} only champion, p {P(p)}";
                break;
            default:
                var bootstrap = PairedBootstrapTest.Compare(challenger, champion, metric, rule.Resamples, 1 - rule.Alpha, rule.Seed);
                p = bootstrap.PValue;
                figures = $"paired bootstrap gain {Signed(bootstrap.Improvement)} [{Signed(bootstrap.Lower)}, {Signed(bootstrap.Upper)}], p {P(p)}";
                break;
        }

        var passed = gain > 0 && p < rule.Alpha;
        var verdict = passed ? "significant" : gain > 0 ? "not significant" : "challenger not better";
        return (new GateCheck($"significance {rule.Test.ToString().ToLowerInvariant()}", passed, $"{figures} ({verdict} at alpha {P(rule.Alpha)})"), p);
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Signed(double value) => value.ToString("+0.0000;-0.0000;+0.0000", CultureInfo.InvariantCulture);

    private static string P(double value) => value < 0.0001 ? value.ToString("0.0e+0", CultureInfo.InvariantCulture) : value.ToString("0.0000", CultureInfo.InvariantCulture);
}
