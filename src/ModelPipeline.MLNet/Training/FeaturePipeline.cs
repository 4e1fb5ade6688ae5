using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.MLNet.Training;

/// <summary>
/// The pipeline YAML's <c>features</c> section as ML.NET transforms into one <c>Features</c> vector: each numeric or
/// boolean input's missing values filled with a constant computed here from the training rows (mean, median,
/// most_frequent or zero, as for built-in models) through an Expression transform, the numeric block scaled
/// (standard: mean/variance with centering; minmax; none), and each categorical input one-hot encoded (at most
/// max_categories levels; a missing category is the empty level, an unseen one all zeros). Fitted on the training
/// rows only, saved inside the model zip.
/// </summary>
public static class FeaturePipeline
{
    /// <summary>The column every trainer reads its features from.</summary>
    public const string FeaturesColumn = "Features";

    /// <param name="train">The training rows' input columns, in <paramref name="schema"/>'s order.</param>
    public static IEstimator<ITransformer> Build(MLContext ml, ModelSchema schema, IReadOnlyList<Column> train, FeatureOptions features)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(features);
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        var numeric = new List<string>();
        var parts = new List<string>();
        for (var i = 0; i < schema.Inputs.Count; i++)
        {
            var input = schema.Inputs[i];
            if (input.Kind == ColumnKind.Categorical)
            {
                var encoded = $"__onehot_{i}";
                chain = chain.Append(ml.Transforms.Categorical.OneHotEncoding(encoded, input.Name, maximumNumberOfKeys: features.MaxCategories));
                parts.Add(encoded);
                continue;
            }

            var filled = $"__filled_{i}";
            var fill = Fill(train[i], features.NumericImpute).ToString("0.0#################", CultureInfo.InvariantCulture);
            chain = chain.Append(ml.Transforms.Expression(filled, $"x => isna(x) ? {fill} : x", input.Name));
            numeric.Add(filled);
        }

        if (numeric.Count > 0)
        {
            chain = chain.Append(ml.Transforms.Concatenate("__numeric", [.. numeric]));
            chain = features.Scale switch
            {
                "standard" => chain.Append(ml.Transforms.NormalizeMeanVariance("__numeric", fixZero: false)),
                "minmax" => chain.Append(ml.Transforms.NormalizeMinMax("__numeric", fixZero: false)),
                _ => chain,
            };
            parts.Insert(0, "__numeric");
        }

        return chain.Append(ml.Transforms.Concatenate(FeaturesColumn, [.. parts]));
    }

    /// <summary>The value that replaces a missing number: computed on the training rows like the built-in featurizer.</summary>
    internal static double Fill(Column column, string impute)
    {
        var values = (column.Numbers ?? []).Where(v => !double.IsNaN(v)).ToArray();
        if (values.Length == 0 || impute == "zero")
        {
            return 0;
        }

        Array.Sort(values);
        return impute switch
        {
            "mean" => values.Average(),
            "most_frequent" => values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key,
            _ => values.Length % 2 == 1 ? values[values.Length / 2] : (values[(values.Length / 2) - 1] + values[values.Length / 2]) / 2,
        };
    }
}
