namespace ModelPipeline.Training.Options;

/// <summary>Validates <see cref="FeatureOptions"/> with messages that list the valid values.</summary>
internal static class FeatureOptionsCheck
{
    public static readonly string[] NumericImputes = ["mean", "median", "most_frequent", "zero"];

    public static readonly string[] CategoricalImputes = ["most_frequent", "unknown"];

    public static readonly string[] Scales = ["standard", "minmax", "none"];

    public static void Validate(FeatureOptions options)
    {
        Require("NumericImpute", options.NumericImpute, NumericImputes);
        Require("CategoricalImpute", options.CategoricalImpute, CategoricalImputes);
        Require("Scale", options.Scale, Scales);
        if (options.MaxCategories < 1)
        {
            throw new TrainingOptionsException($"Feature option MaxCategories must be at least 1; got {options.MaxCategories}.");
        }
    }

    private static void Require(string option, string value, string[] valid)
    {
        if (!valid.Contains(value, StringComparer.Ordinal))
        {
            throw new TrainingOptionsException(
                $"Feature option {option} '{value}' is not valid.{TrainerCatalog.DidYouMean(value, valid)} Valid values: {string.Join(", ", valid)}.");
        }
    }
}
