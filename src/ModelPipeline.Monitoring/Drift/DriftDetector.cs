using ModelPipeline.Data;
using ModelPipeline.Evaluation;
using ModelPipeline.Training;

namespace ModelPipeline.Monitoring;

/// <summary>Compares current rows (a batch, or a server's prediction log) with a model version's reference profile.</summary>
public static class DriftDetector
{
    public const int BootstrapSeed = 42;

    /// <summary>
    /// Scores <paramref name="current"/> with <paramref name="model"/> (or uses <paramref name="loggedPredictions"/>),
    /// then measures feature, prediction and (when the label column is present) label drift and decay, and anomalies.
    /// </summary>
    /// <exception cref="MonitoringException">A feature column is absent or of another kind than in the reference.</exception>
    public static DriftResult Detect(ReferenceProfile profile, IScoringModel model, Frame current, DriftRules rules, Predictions? loggedPredictions = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(rules);
        var columns = new Column[profile.Features.Count];
        for (var f = 0; f < columns.Length; f++)
        {
            var name = profile.Features[f].Name;
            columns[f] = current.TryGetColumn(name, out var column) ? column : throw new MonitoringException($"the current data lacks feature column '{name}'");
        }

        var predictions = loggedPredictions ?? model.Predict(current, null);
        var features = new ColumnDrift[columns.Length];
        var prediction = default(ColumnDrift);
        var label = default(LabelDrift);
        var decay = default(DecayCheck);
        var anomalies = default(AnomalySummary);
        // Independent parts side by side: the label's decay check runs on one thread (its ranking of every row is the
        // longest part) while the others share the cores; each part writes only its own result.
        Concurrently.Run(
            () =>
            {
                if (current.Contains(profile.Label))
                {
                    var targets = model.ReadTargets(current);
                    label = LabelDriftOf(profile, model.Schema, targets, rules);
                    decay = DecayOf(profile, predictions, targets, rules);
                }
            },
            () => Parallel.For(0, features.Length, f =>
            {
                var reference = profile.Features[f];
                var rule = rules.RuleFor(reference);
                features[f] = ColumnDrift.Measure(reference, Distributions.Measure(reference, columns[f], rule.Test == DriftTest.Ks), rule);
            }),
            () => prediction = PredictionDriftOf(profile, predictions, rules),
            () => anomalies = AnomaliesOf(profile, current, rules));

        var share = features.Length == 0 ? 0 : features.Count(f => f.Drifted) / (double)features.Length;
        return new DriftResult(
            features,
            share,
            features.Length > 0 && share >= rules.DriftShare,
            prediction!,
            label,
            decay,
            anomalies,
            profile.TrainingRows,
            current.RowCount);
    }

    private static ColumnDrift PredictionDriftOf(ReferenceProfile profile, Predictions predictions, DriftRules rules)
    {
        var reference = profile.Prediction;
        var rule = rules.RuleFor(reference);
        var keep = rule.Test == DriftTest.Ks;
        var current = predictions.Task switch
        {
            TaskKind.Binary => Distributions.Measure(reference, predictions.PositiveScores(), keep),
            TaskKind.Multiclass => Distributions.MeasureCodes(reference, Array.ConvertAll(predictions.Values, v => (int)v), predictions.Classes),
            _ => Distributions.Measure(reference, predictions.Values, keep),
        };
        return ColumnDrift.Measure(reference, current, rule);
    }

    private static LabelDrift LabelDriftOf(ReferenceProfile profile, ModelSchema schema, double[] targets, DriftRules rules)
    {
        var reference = profile.LabelDistribution;
        if (schema.Task == TaskKind.Regression)
        {
            var rule = rules.RuleFor(reference);
            var column = ColumnDrift.Measure(reference, Distributions.Measure(reference, targets, rule.Test == DriftTest.Ks), rule);
            return new LabelDrift(column, reference.Mean, targets.Length == 0 ? 0 : targets.Average());
        }

        var counts = new long[schema.Classes.Count + 1];
        foreach (var t in targets)
        {
            counts[(int)t]++;
        }

        var current = CurrentDistribution.FromCounts(counts, 0);
        var test = ColumnDrift.Measure(reference, current, new FeatureRule(DriftTest.Chi2, 0.05));
        var moved = reference.Shares.Zip(current.Shares, (r, c) => Math.Abs(r - c)).Max() >= rules.MinLabelRateChange;
        var positive = schema.Task == TaskKind.Binary ? 1 : 0;
        return new LabelDrift(test with { Drifted = test.Drifted && moved }, reference.Shares[positive], current.Shares[positive]);
    }

    private static DecayCheck? DecayOf(ReferenceProfile profile, Predictions predictions, double[] targets, DriftRules rules)
    {
        if (rules.DecayMetric is not { } metric || !profile.Metrics.TryGetValue(metric, out var reference) || targets.Length == 0)
        {
            return null;
        }

        var (current, lower, upper) = Interval(predictions, targets, metric, rules);
        return new DecayCheck(metric, reference, current, MetricNames.Improvement(metric, current, reference), rules.MaxDrop, lower, upper);
    }

    /// <summary>
    /// The batch's metric and its 95% bootstrap interval. Beyond <see cref="DriftRules.BootstrapRowLimit"/> rows it
    /// resamples an evenly spread subset of m rows and scales the interval's half-widths by sqrt(m / n) around the whole
    /// batch's value (a metric's standard error shrinks as 1/sqrt(rows)): 200 resamples of 3M rows would take seconds.
    /// The whole batch's value is then computed alone (not the other metrics and curves of a full evaluation).
    /// </summary>
    internal static (double Current, double Lower, double Upper) Interval(Predictions predictions, double[] targets, string metric, DriftRules rules)
    {
        if (targets.Length <= rules.BootstrapRowLimit)
        {
            var evaluation = ModelEvaluator.Score(predictions, targets);
            var whole = Bootstrap.Interval(evaluation, metric, rules.BootstrapResamples, 0.95, BootstrapSeed);
            return (evaluation[metric], whole.Lower, whole.Upper);
        }

        var rows = ReferenceProfile.Spread(targets.Length, rules.BootstrapRowLimit);
        var subset = ModelEvaluator.Score(Take(predictions, rows), Array.ConvertAll(rows, r => targets[r]));
        var inner = Bootstrap.Interval(subset, metric, rules.BootstrapResamples, 0.95, BootstrapSeed);
        var centre = subset[metric];
        var scale = Math.Sqrt(rows.Length / (double)targets.Length);
        var current = ModelEvaluator.Metric(predictions, targets, metric);
        return (current, current - ((centre - inner.Lower) * scale), current + ((inner.Upper - centre) * scale));
    }

    private static Predictions Take(Predictions predictions, int[] rows)
    {
        double[]? probabilities = null;
        if (predictions.Probabilities is { } all)
        {
            var width = all.Length / Math.Max(1, predictions.RowCount);
            probabilities = new double[rows.Length * width];
            for (var i = 0; i < rows.Length; i++)
            {
                Array.Copy(all, rows[i] * width, probabilities, i * width, width);
            }
        }

        return predictions with { Values = Array.ConvertAll(rows, r => predictions.Values[r]), Probabilities = probabilities };
    }

    private static AnomalySummary? AnomaliesOf(ReferenceProfile profile, Frame current, DriftRules rules)
    {
        if (profile.LoadForest() is not { } forest || current.RowCount == 0)
        {
            return null;
        }

        var rows = ReferenceProfile.Spread(current.RowCount, rules.AnomalyRowLimit);
        var scored = rows.Length == current.RowCount ? current : current.Take(rows);
        var scores = forest.Score(AnomalyEncoding.Encode(profile.Features, scored));
        var rate = scores.Count(s => s > profile.AnomalyThreshold) / (double)scores.Length;
        var top = Enumerable.Range(0, scores.Length)
            .OrderByDescending(i => scores[i])
            .ThenBy(i => i)
            .Take(rules.TopAnomalies)
            .Select(i => new AnomalousRow(rows[i], scores[i], RowValues(profile, current, rows[i])))
            .ToList();
        return new AnomalySummary(rate, profile.ReferenceAnomalyRate, profile.AnomalyThreshold, scores.Length, top);
    }

    private static List<KeyValuePair<string, string>> RowValues(ReferenceProfile profile, Frame current, int row) =>
        [.. profile.Features.Select(f => new KeyValuePair<string, string>(f.Name, current[f.Name].GetText(row) ?? "(missing)"))];
}
