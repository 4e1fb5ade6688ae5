namespace ModelPipeline.Training;

/// <summary>A model that cannot give exact attributions: another kind than built-in, or a built-in model file from before format 2.</summary>
public sealed class ExplanationUnavailableException(string message) : Exception(message);
