namespace ModelPipeline.Evaluation;

/// <summary>Evaluation inputs that do not fit together; the message says what to fix.</summary>
public sealed class EvaluationException(string message) : Exception(message);
