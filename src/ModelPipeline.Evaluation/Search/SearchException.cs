namespace ModelPipeline.Evaluation;

/// <summary>A search that cannot run or produced no usable trial; the message says why.</summary>
public sealed class SearchException(string message) : Exception(message);
