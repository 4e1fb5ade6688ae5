using ModelPipeline.Data;

namespace ModelPipeline.Training;

/// <summary>
/// A fitted model of any kind (<see cref="ModelKinds"/>): built-in (<see cref="TrainedModel"/>), ML.NET, ONNX, …
/// Evaluate, the promotion gate, Profile/Monitor and the model server use only this, so every kind is scored,
/// compared, served and watched alike. docs/model-format.md describes how a new kind plugs in.
/// </summary>
public interface IScoringModel
{
    /// <summary>The kind's name (<see cref="IModelKind.Name"/>): <c>builtin</c>, <c>mlnet</c>, …</summary>
    string Kind { get; }

    /// <summary>Task, label, classes (binary: [negative, positive]) and the input columns the model reads.</summary>
    ModelSchema Schema { get; }

    /// <summary>The trainer that made it, e.g. <c>gradient_boosting</c> or <c>mlnet:lightgbm</c>.</summary>
    string TrainerType { get; }

    /// <summary>The effective parameters, in canonical invariant text, sorted by name.</summary>
    IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>
    /// What made the model besides ModelPipeline itself and how reproducible it is, e.g. <c>mlnet_version</c>;
    /// recorded in the registry's lineage. Empty for built-in models.
    /// </summary>
    IReadOnlyDictionary<string, string> Framework { get; }

    /// <summary>
    /// Predicts every row of <paramref name="frame"/>, which must hold the schema's input columns (others are
    /// ignored), on at most <paramref name="threads"/> threads (null = all cores).
    /// </summary>
    /// <exception cref="ModelSchemaException">An input column is missing or of the wrong kind; the message names it.</exception>
    Predictions Predict(Frame frame, int? threads);

    /// <summary>
    /// Exact per-row attributions of every input to the raw output (<see cref="Attributions"/>), for the kinds that
    /// can give them (built-in models); other kinds refuse.
    /// </summary>
    /// <exception cref="ExplanationUnavailableException">This kind (or this model file) cannot give them; the message says why.</exception>
    Attributions Explain(Frame frame, int? threads) =>
        throw new ExplanationUnavailableException(
            $"a model of kind '{Kind}' ({TrainerType}) cannot give exact attributions; the built-in kinds (gradient_boosting, logistic_regression, linear_regression) can");

    /// <summary>The model file's bytes, which <see cref="IModelKind.Load"/> of the same kind reads back.</summary>
    byte[] ToBytes();

    /// <summary>The label column of <paramref name="frame"/> as class indices (classification) or values (regression).</summary>
    /// <exception cref="ModelSchemaException">The label column is absent, a label is missing or a class is unknown.</exception>
    double[] ReadTargets(Frame frame) => Schema.ReadTargets(frame);
}
