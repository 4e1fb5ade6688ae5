namespace ModelPipeline.Data;

/// <summary>
/// The rows cannot be split into train and holdout as asked (too few rows, or a class too small to stratify): a fault
/// of the data, whose message says what is short and by how much.
/// </summary>
public sealed class SplitImpossibleException(string message) : Exception(message);
