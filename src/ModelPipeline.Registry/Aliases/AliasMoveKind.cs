namespace ModelPipeline.Registry;

/// <summary>How an alias came to move.</summary>
public enum AliasMoveKind
{
    /// <summary>Set or promoted explicitly.</summary>
    Set,

    /// <summary>Moved back by <see cref="ModelRegistry.Rollback"/>.</summary>
    Rollback,
}
