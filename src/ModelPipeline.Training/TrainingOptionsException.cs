namespace ModelPipeline.Training;

/// <summary>A training spec is wrong: unknown trainer, unknown or malformed parameter, trainer not valid for the task, bad label.</summary>
public sealed class TrainingOptionsException : Exception
{
    public TrainingOptionsException(string message)
        : base(message)
    {
    }
}
