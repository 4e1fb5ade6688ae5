namespace ModelPipeline.Targets;

/// <summary>
/// Thrown by a target for a mistake in what the user asked of it: a parameter it needs, a version with nothing to
/// compare with, targets run out of order. Like the mistakes <see cref="BuildDefinition"/>'s <c>IsInputMistake</c>
/// accepts, its message is printed once as it is, without the summary table, and the build exits with code 2.
/// </summary>
public sealed class InputMistakeException(string message) : Exception(message);
