namespace ModelPipeline.Definitions;

/// <summary>A per-feature drift test (<c>monitor.features.&lt;name&gt;.method</c>).</summary>
public enum DriftMethod
{
    Ks,
    Chi2,
    Psi,
    Wasserstein,
    JensenShannon,
}
