namespace ModelPipeline.Targets;

/// <summary>
/// Thrown by an executing target to mark itself skipped, e.g.
/// <c>throw new TargetSkippedException("unchanged since 1.2.0")</c>; the summary shows <c>Skipped (unchanged since 1.2.0)</c>.
/// </summary>
public sealed class TargetSkippedException(string reason) : Exception(reason)
{
    /// <summary>Why the target was skipped.</summary>
    public string Reason => Message;
}
