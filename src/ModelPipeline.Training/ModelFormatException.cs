namespace ModelPipeline.Training;

/// <summary>A model file cannot be read: wrong magic, a newer format version, or corrupt content.</summary>
public sealed class ModelFormatException : Exception
{
    public ModelFormatException(string message)
        : base(message)
    {
    }

    public ModelFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
