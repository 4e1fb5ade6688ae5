namespace ModelPipeline.Definitions;

/// <summary>The statistical test that decides whether a challenger's lead is real.</summary>
public enum SignificanceTest
{
    /// <summary>Paired bootstrap of the primary metric on the holdout (any task).</summary>
    Bootstrap,

    /// <summary>DeLong's test of two correlated AUCs (binary only).</summary>
    Delong,

    /// <summary>McNemar's test on paired correct/incorrect predictions (classification only).</summary>
    Mcnemar,
}
