namespace ModelPipeline.Evaluation;

/// <summary>How the gate checks that a challenger's advantage is more than noise.</summary>
public enum SignificanceTest
{
    /// <summary>Paired bootstrap of the primary metric's difference on the shared holdout rows.</summary>
    Bootstrap,

    /// <summary>DeLong's test for two correlated AUCs (primary metric auc only).</summary>
    DeLong,

    /// <summary>McNemar's test with continuity correction on discordant rows (primary metric accuracy only).</summary>
    McNemar,
}
