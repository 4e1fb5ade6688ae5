using ModelPipeline.Data;
using ModelPipeline.Training.Features;
using ModelPipeline.Training.Format;

namespace ModelPipeline.Training;

/// <summary>
/// A fitted model: its schema, trainer and effective parameters, and the featurization and weights or trees it
/// learned. It only predicts; <see cref="Save"/>/<see cref="Load(Stream)"/> use the format in docs/model-format.md.
/// </summary>
public sealed class TrainedModel : IScoringModel
{
    private readonly Lazy<CategoryLookup> _categories;

    internal TrainedModel(ModelSchema schema, string trainerType, IReadOnlyDictionary<string, string> parameters, ModelBody body)
    {
        Schema = schema;
        TrainerType = trainerType;
        Parameters = parameters;
        Body = body;
        _categories = new Lazy<CategoryLookup>(() => new CategoryLookup(schema));
    }

    /// <summary>Always <see cref="ModelKinds.BuiltIn"/>.</summary>
    public string Kind => ModelKinds.BuiltIn;

    public ModelSchema Schema { get; }

    /// <summary>Empty: a built-in model depends on nothing but ModelPipeline, and is byte-identical for any thread count.</summary>
    public IReadOnlyDictionary<string, string> Framework { get; } = new Dictionary<string, string>();

    public string TrainerType { get; }

    /// <summary>The parameters the trainer used, defaults included, in canonical invariant text, sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    internal ModelBody Body { get; }

    /// <summary>Predicts every row of <paramref name="frame"/>, which must hold the schema's input columns (others are ignored).</summary>
    /// <exception cref="ModelSchemaException">An input column is missing or of the wrong kind; the message names it.</exception>
    public Predictions Predict(Frame frame) => Predict(frame, null);

    /// <summary>As <see cref="Predict(Frame)"/>, on at most <paramref name="threads"/> threads (null = all cores).</summary>
    public Predictions Predict(Frame frame, int? threads)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var inputs = InputBinding.Bind(Schema, frame, _categories.Value);
        var values = new double[frame.RowCount];
        var probabilities = Schema.Task == TaskKind.Regression ? null : new double[frame.RowCount * Schema.Classes.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount };
        Body.Predict(inputs, values, probabilities, parallel);
        return new Predictions(Schema.Task, Schema.Classes, values, probabilities);
    }

    /// <summary>
    /// Exact per-row attributions of every input to the raw output (TreeSHAP for gradient boosting, coefficient ×
    /// centred value for linear models); base value + a row's contributions = its raw output.
    /// </summary>
    /// <exception cref="ExplanationUnavailableException">The model file predates format 2 (no covers / feature means).</exception>
    /// <exception cref="ModelSchemaException">An input column is missing or of the wrong kind; the message names it.</exception>
    public Attributions Explain(Frame frame, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!Body.CanExplain)
        {
            throw new ExplanationUnavailableException(
                $"this {TrainerType} model was saved before model format 2 and lacks what exact attributions need (tree covers, feature means); retrain it to explain it");
        }

        var inputs = InputBinding.Bind(Schema, frame, _categories.Value);
        return Body.Explain(inputs, Schema, new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount });
    }

    /// <summary>The raw scores (value, log-odds of the positive class, class scores before the softmax), row-major with one per output.</summary>
    internal double[] RawScores(Frame frame, int? threads = null) =>
        Body.RawScores(InputBinding.Bind(Schema, frame, _categories.Value), new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount });

    /// <summary>The label column of <paramref name="frame"/> as class indices (classification) or values (regression).</summary>
    /// <exception cref="ModelSchemaException">The label column is absent, a label is missing or a class is unknown; names the row.</exception>
    public double[] ReadTargets(Frame frame) => Schema.ReadTargets(frame);

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = ToBytes();
        stream.Write(bytes, 0, bytes.Length);
    }

    /// <summary>The model file's bytes; deterministic for the same model.</summary>
    public byte[] ToBytes() => ModelFile.Write(this);

    /// <exception cref="ModelFormatException">Not a model file, a newer format version, or corrupt.</exception>
    public static TrainedModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Load(buffer.ToArray());
    }

    /// <exception cref="ModelFormatException">Not a model file, a newer format version, or corrupt.</exception>
    public static TrainedModel Load(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return ModelFile.Read(bytes);
    }

    public override string ToString() =>
        $"{TrainerType} {Schema.Task.ToString().ToLowerInvariant()} model of '{Schema.Label}' from {Schema.Inputs.Count} inputs";
}
