namespace ModelPipeline.Training;

/// <summary>A frame does not fit a model's schema: a missing input column, a wrong kind, or an unusable label value.</summary>
public sealed class ModelSchemaException : Exception
{
    public ModelSchemaException(string message)
        : base(message)
    {
    }

    /// <summary>The column(s) at fault.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];
}
