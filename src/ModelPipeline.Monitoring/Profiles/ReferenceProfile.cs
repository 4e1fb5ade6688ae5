using System.Text.Json;
using System.Text.Json.Serialization;
using ModelPipeline.Data;
using ModelPipeline.Evaluation;
using ModelPipeline.Training;

namespace ModelPipeline.Monitoring;

/// <summary>
/// What "normal" looked like when a model version was made: per-feature distributions of the training rows, the
/// distribution of its predictions and of the labels on the holdout, the holdout metrics and an isolation forest for
/// anomaly scores. Saved beside the model as profile.json (kilobytes; deterministic: the same inputs give the same
/// bytes) and the forest as a binary file beside it (<see cref="ForestFile"/>), which the JSON names by its SHA-256.
/// </summary>
public sealed record ReferenceProfile
{
    /// <summary>2: the forest lives in its own file; 1 (still read): the forest was base64 inside the JSON.</summary>
    public const int FormatVersion = 2;
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

    /// <summary>Format 1 only: the isolation forest as base64 inside the JSON (read, never written).</summary>
    public string? Forest { get; init; }

    /// <summary>SHA-256 (hex) of the forest's bytes: which <see cref="ForestFile"/> belongs to this profile.</summary>
    public string? ForestSha256 { get; init; }

    /// <summary>The isolation forest (<see cref="IsolationForest.ToBytes"/>), kept out of the JSON; null until attached.</summary>
    [JsonIgnore]
    public byte[]? ForestBytes { get; init; }

    /// <summary>The forest file saved beside <paramref name="profilePath"/>: <c>profile.json</c> -> <c>profile.forest.bin</c>.</summary>
    public static string ForestFile(string profilePath) => Path.ChangeExtension(profilePath, ".forest.bin");

    /// <summary>Profiles a model version: its training rows, itself and its holdout scored with the given metrics.</summary>
    public static ReferenceProfile Build(Frame train, IScoringModel model, Frame holdout, IReadOnlyDictionary<string, double> holdoutMetrics)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(holdout);
        return Build(train, model, holdout, model.Predict(holdout, null), holdoutMetrics);
    }

    /// <summary>As above, with the holdout's predictions already made (by the evaluation): the holdout is not scored again.</summary>
    public static ReferenceProfile Build(Frame train, IScoringModel model, Frame holdout, Predictions holdoutPredictions, IReadOnlyDictionary<string, double> holdoutMetrics)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(holdoutPredictions);
        ArgumentNullException.ThrowIfNull(holdoutMetrics);
        if (holdoutPredictions.RowCount != holdout.RowCount)
        {
            throw new ArgumentException($"{holdoutPredictions.RowCount} predictions for {holdout.RowCount} holdout rows", nameof(holdoutPredictions));
        }

        var schema = model.Schema;
        var columns = schema.Inputs.Select(input => Require(train, input.Name)).ToArray();
        var features = new DistributionProfile[columns.Length];
        var (threshold, anomalyRate) = (0.0, 0.0);
        var forestBytes = Array.Empty<byte>();
        var prediction = default(DistributionProfile);
        var label = default(DistributionProfile);
        // The features and the forest fitted on them beside the holdout's prediction and label distributions.
        Concurrently.Run(
            () =>
            {
                Parallel.For(0, features.Length, f => features[f] = Distributions.Of(columns[f]));
                (forestBytes, threshold, anomalyRate) = FitForest(features, train, holdout);
            },
            () => prediction = PredictionDistribution(holdoutPredictions),
            () => label = LabelOf(schema, model.ReadTargets(holdout)));

        return new ReferenceProfile
        {
            Task = schema.Task.ToString().ToLowerInvariant(),
            Label = schema.Label,
            Classes = schema.Classes,
            TrainingRows = train.RowCount,
            HoldoutRows = holdout.RowCount,
            Features = features,
            Prediction = prediction!,
            LabelDistribution = label!,
            Metrics = new SortedDictionary<string, double>(holdoutMetrics.ToDictionary(), StringComparer.Ordinal),
            AnomalyThreshold = threshold,
            ReferenceAnomalyRate = anomalyRate,
            ForestBytes = forestBytes,
            ForestSha256 = Sha256(forestBytes),
        };
    }

    /// <summary>
    /// The isolation forest on (an evenly spread 100,000 of) the training rows, its anomaly threshold (99th percentile
    /// of their scores) and the share of (an evenly spread 100,000 of) the holdout rows above it.
    /// </summary>
    private static (byte[] Forest, double Threshold, double HoldoutRate) FitForest(DistributionProfile[] features, Frame train, Frame holdout)
    {
        var forestRows = Spread(train.RowCount, ForestRows);
        var forestFrame = forestRows.Length == train.RowCount ? train : train.Take(forestRows);
        var encoded = AnomalyEncoding.Encode(features, forestFrame);
        var forest = IsolationForest.Fit(encoded, AnomalySeed);
        var threshold = Quantile(forest.Score(encoded), 0.99);
        var holdoutRows = Spread(holdout.RowCount, ForestRows);
        var holdoutScores = forest.Score(AnomalyEncoding.Encode(features, holdoutRows.Length == holdout.RowCount ? holdout : holdout.Take(holdoutRows)));
        var rate = holdoutScores.Length == 0 ? 0 : holdoutScores.Count(s => s > threshold) / (double)holdoutScores.Length;
        return (forest.ToBytes(), threshold, rate);
    }

    /// <summary>As <see cref="Build(Frame, IScoringModel, Frame, IReadOnlyDictionary{string, double})"/>, scoring the holdout itself.</summary>
    public static ReferenceProfile Build(Frame train, IScoringModel model, Frame holdout)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Build(train, model, holdout, ModelEvaluator.Evaluate(model, holdout).Metrics.Values);
    }

    public IsolationForest? LoadForest() =>
        ForestBytes is { } bytes ? IsolationForest.FromBytes(bytes)
        : Forest is { } base64 ? IsolationForest.FromBytes(Convert.FromBase64String(base64))
        : null;

    /// <summary>The profile with its forest attached, after checking the bytes are the ones the JSON names.</summary>
    /// <exception cref="MonitoringException">The bytes are not this profile's forest.</exception>
    public ReferenceProfile WithForest(byte[] forest, string source = "forest")
    {
        ArgumentNullException.ThrowIfNull(forest);
        if (ForestSha256 is null || !string.Equals(Sha256(forest), ForestSha256, StringComparison.Ordinal))
        {
            throw new MonitoringException($"{source} is not the isolation forest of this profile (SHA-256 {Sha256(forest)[..12]}…, the profile names {ForestSha256?[..12] ?? "none"}…)");
        }

        return this with { ForestBytes = forest };
    }

    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Writes the JSON to <paramref name="path"/> and the forest to <see cref="ForestFile"/>.</summary>
    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllBytes(path, ToJsonBytes());
        if (ForestBytes is { } forest)
        {
            File.WriteAllBytes(ForestFile(path), forest);
        }
    }

    /// <exception cref="MonitoringException">The file is absent, not a profile, or of a newer format.</exception>
    public static ReferenceProfile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new MonitoringException($"no reference profile at {path} (run the Profile target for this model version)");
        }

        var profile = FromJson(File.ReadAllBytes(path), path);
        var forest = ForestFile(path);
        if (profile.ForestSha256 is null)
        {
            return profile;
        }

        return File.Exists(forest)
            ? profile.WithForest(File.ReadAllBytes(forest), forest)
            : throw new MonitoringException($"{path} names an isolation forest, but {forest} is missing");
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

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    private static Column Require(Frame frame, string name) =>
        frame.TryGetColumn(name, out var column) ? column : throw new MonitoringException($"the training data lacks feature column '{name}'");
}
