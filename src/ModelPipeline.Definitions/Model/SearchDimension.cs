namespace ModelPipeline.Definitions;

/// <summary>
/// One hyperparameter's search space: either a list of <see cref="Values"/> (grid or random),
/// or a range <see cref="Min"/>..<see cref="Max"/> (random only), sampled on a log scale when <see cref="Log"/>.
/// </summary>
public sealed record SearchDimension(IReadOnlyList<ParameterValue>? Values, double? Min, double? Max, bool Log)
{
    public bool IsRange => Values is null;
}
