using Microsoft.ML;
using ModelPipeline.Data;
using ModelPipeline.MLNet.Training;
using ModelPipeline.Training;

namespace ModelPipeline.MLNet;

/// <summary>What an <see cref="IMLNetEstimator"/> gets: the ML context (seeded), the data's schema, the task and the YAML's params.</summary>
public sealed class MLNetEstimatorContext
{
    private readonly IReadOnlyList<Column> _train;

    internal MLNetEstimatorContext(MLContext ml, DataViewSchema data, ModelSchema schema, IReadOnlyList<Column> train, FeatureOptions features,
        IReadOnlyDictionary<string, string> parameters, int seed, int threads)
    {
        MLContext = ml;
        Data = data;
        Schema = schema;
        _train = train;
        Features = features;
        Parameters = parameters;
        Seed = seed;
        Threads = threads;
    }

    /// <summary>The ML.NET context, seeded with the pipeline's seed.</summary>
    public MLContext MLContext { get; }

    /// <summary>
    /// The training view's columns: every input under its own name (numeric and boolean: Single, NaN = missing;
    /// categorical: text) and <see cref="LabelColumn"/> (binary: Boolean; multiclass: a key over the classes; regression: Single).
    /// </summary>
    public DataViewSchema Data { get; }

    /// <summary>Task, label, classes and inputs as ModelPipeline sees them.</summary>
    public ModelSchema Schema { get; }

    /// <summary>The pipeline YAML's <c>features</c> section.</summary>
    public FeatureOptions Features { get; }

    /// <summary><c>trainer.params</c> as written (invariant text).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    public int Seed { get; }

    /// <summary>The threads training may use (pass it to trainers that take a thread count).</summary>
    public int Threads { get; }

    /// <summary>The label column's name in <see cref="Data"/>: <c>Label</c>.</summary>
    public string LabelColumn => ModelPipeline.MLNet.Data.FrameDataView.LabelColumn;

    /// <summary>The names of the numeric and boolean inputs.</summary>
    public IReadOnlyList<string> NumericColumns => [.. Schema.Inputs.Where(i => i.Kind != ColumnKind.Categorical).Select(i => i.Name)];

    /// <summary>The names of the categorical inputs.</summary>
    public IReadOnlyList<string> CategoricalColumns => [.. Schema.Inputs.Where(i => i.Kind == ColumnKind.Categorical).Select(i => i.Name)];

    /// <summary>The <c>features</c> section as ML.NET transforms, fitted on the training rows: the result is <c>Features</c>.</summary>
    public IEstimator<ITransformer> Featurize() => FeaturePipeline.Build(MLContext, Schema, _train, Features);
}
