using System.Text.Json;
using System.Text.Json.Serialization;
using ModelPipeline.Data;
using ModelPipeline.Evaluation;
using ModelPipeline.Training;

namespace ModelPipeline.Monitoring;

/// <summary>
/// What "normal" looked like when a model version was made: per-feature distributions of the training rows, the
/// distribution of its predictions and of the labels on the holdout, the holdout metrics and an isolation forest for
/// anomaly scores. Saved beside the model as profile.json (deterministic: the same inputs give the same bytes).
/// </summary>
public sealed record ReferenceProfile
{
    public const int FormatVersion = 1;
    public const int AnomalySeed = 42;

    /// <summary>Training rows the forest is fitted on at most (an evenly spread subset of larger sets).</summary>
    private const int ForestRows = 100_000;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public int Format { get; init; } = FormatVersion;

    public required string Task { get; init; }

    public required string Label { get; init; }

    public IReadOnlyList<string> Classes { get; init; } = [];

    public long TrainingRows { get; init; }

    public long HoldoutRows { get; init; }

    /// <summary>One per model input, in the model's input order.</summary>
    public required IReadOnlyList<DistributionProfile> Features { get; init; }

    /// <summary>The holdout's predictions: positive-class score (binary), predicted class (multiclass) or value (regression).</summary>
    public required DistributionProfile Prediction { get; init; }

    /// <summary>The holdout's labels: classes (classification) or values (regression).</summary>
    public required DistributionProfile LabelDistribution { get; init; }

    /// <summary>Holdout metrics by name (as ModelEvaluation reports them).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new SortedDictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Score above which a row counts as an anomaly: the 99th percentile of the training rows' scores.</summary>
    public double AnomalyThreshold { get; init; }

    /// <summary>Share of holdout rows above <see cref="AnomalyThreshold"/> (of an evenly spread 100,000 of larger holdouts).</summary>
    public double ReferenceAnomalyRate { get; init; }

    /// <summary>The isolation forest, <see cref="IsolationForest.ToBytes"/> as base64.</summary>
    public string? Forest { get; init; }

    /// <summary>Profiles a model version: its training rows, itself and its holdout scored with the given metrics.</summary>
    public static ReferenceProfile Build(Frame train, TrainedModel model, Frame holdout, IReadOnlyDictionary<string, double> holdoutMetrics)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(holdoutMetrics);
        var schema = model.Schema;
        var features = new DistributionProfile[schema.Inputs.Count];
        Parallel.For(0, features.Length, f => features[f] = Distributions.Of(Require(train, schema.Inputs[f].Name)));
        var predictions = model.Predict(holdout);
        var forestRows = Spread(train.RowCount, ForestRows);
        var forestFrame = forestRows.Length == train.RowCount ? train : train.Take(forestRows);
        var forest = IsolationForest.Fit(AnomalyEncoding.Encode(features, forestFrame), AnomalySeed);
        var trainScores = forest.Score(AnomalyEncoding.Encode(features, forestFrame));
        var threshold = Quantile(trainScores, 0.99);
        var holdoutRows = Spread(holdout.RowCount, ForestRows);
        var holdoutScores = forest.Score(AnomalyEncoding.Encode(features, holdoutRows.Length == holdout.RowCount ? holdout : holdout.Take(holdoutRows)));
        return new ReferenceProfile
        {
            Task = schema.Task.ToString().ToLowerInvariant(),
            Label = schema.Label,
            Classes = schema.Classes,
            TrainingRows = train.RowCount,
            HoldoutRows = holdout.RowCount,
            Features = features,
            Prediction = PredictionDistribution(predictions),
            LabelDistribution = LabelOf(schema, model.ReadTargets(holdout)),
            Metrics = new SortedDictionary<string, double>(holdoutMetrics.ToDictionary(), StringComparer.Ordinal),
            AnomalyThreshold = threshold,
            ReferenceAnomalyRate = holdoutScores.Length == 0 ? 0 : holdoutScores.Count(s => s > threshold) / (double)holdoutScores.Length,
            Forest = Convert.ToBase64String(forest.ToBytes()),
        };
    }

    /// <summary>As <see cref="Build(Frame, TrainedModel, Frame, IReadOnlyDictionary{string, double})"/>, scoring the holdout itself.</summary>
    public static ReferenceProfile Build(Frame train, TrainedModel model, Frame holdout)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Build(train, model, holdout, ModelEvaluator.Evaluate(model, holdout).Metrics.Values);
    }

    public IsolationForest? LoadForest() => Forest is null ? null : IsolationForest.FromBytes(Convert.FromBase64String(Forest));

    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllBytes(path, ToJsonBytes());
    }

    /// <exception cref="MonitoringException">The file is absent, not a profile, or of a newer format.</exception>
    public static ReferenceProfile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new MonitoringException($"no reference profile at {path} (run the Profile target for this model version)");
        }

        return FromJson(File.ReadAllBytes(path), path);
    }

    public static ReferenceProfile FromJson(byte[] json, string source = "profile")
    {
        ReferenceProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<ReferenceProfile>(json, Json);
        }
        catch (JsonException e)
        {
            throw new MonitoringException($"{source} is not a reference profile: {e.Message}");
        }

        if (profile is null || profile.Format > FormatVersion)
        {
            throw new MonitoringException($"{source} has profile format {profile?.Format}; this tool reads up to {FormatVersion}");
        }

        return profile;
    }

    internal static DistributionProfile PredictionDistribution(Predictions predictions) => predictions.Task switch
    {
        TaskKind.Binary => Distributions.Numeric("prediction", predictions.PositiveScores()),
        TaskKind.Multiclass => Distributions.Categorical("prediction", Array.ConvertAll(predictions.Values, v => (int)v), predictions.Classes),
        _ => Distributions.Numeric("prediction", predictions.Values),
    };

    internal static DistributionProfile LabelOf(ModelSchema schema, double[] targets) => schema.Task == TaskKind.Regression
        ? Distributions.Numeric(schema.Label, targets)
        : Distributions.Categorical(schema.Label, Array.ConvertAll(targets, v => (int)v), schema.Classes, int.MaxValue) with
        {
            // Classes keep the model's order (class 1 = positive for binary models), not frequency order.
            Levels = [.. schema.Classes],
            Shares = ClassShares(targets, schema.Classes.Count),
        };

    internal static double[] ClassShares(double[] targets, int classes)
    {
        var shares = new double[classes + 1];
        foreach (var t in targets)
        {
            shares[(int)t]++;
        }

        for (var k = 0; k < classes && targets.Length > 0; k++)
        {
            shares[k] /= targets.Length;
        }

        return shares;
    }

    internal static int[] Spread(int rows, int limit)
    {
        if (rows <= limit)
        {
            return [.. Enumerable.Range(0, rows)];
        }

        return [.. Enumerable.Range(0, limit).Select(i => (int)((long)i * rows / limit))];
    }

    private static double Quantile(double[] values, double q)
    {
        if (values.Length == 0)
        {
            return 1;
        }

        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * sorted.Length))];
    }

    private static Column Require(Frame frame, string name) =>
        frame.TryGetColumn(name, out var column) ? column : throw new MonitoringException($"the training data lacks feature column '{name}'");
}
