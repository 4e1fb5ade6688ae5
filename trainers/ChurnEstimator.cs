using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using ModelPipeline.MLNet;

namespace ModelPipeline.Trainers;

/// <summary>
/// The example of a team's own ML.NET pipeline (pipelines/churn-mlnet-own.yaml): the pipeline's featurization, plus
/// the ratio of total to monthly charges (a rough tenure in months), into a FastTree binary classifier. Its params:
/// trees (default 200) and leaves (default 16).
/// </summary>
public sealed class ChurnEstimator : IMLNetEstimator
{
    public IEstimator<ITransformer> Build(MLNetEstimatorContext context)
    {
        var ml = context.MLContext;
        var trees = int.Parse(context.Parameters.GetValueOrDefault("trees", "200"), CultureInfo.InvariantCulture);
        var leaves = int.Parse(context.Parameters.GetValueOrDefault("leaves", "16"), CultureInfo.InvariantCulture);
        return context.Featurize()
            .Append(ml.Transforms.Expression("ChargeMonths", "(total, monthly) => isna(total) || monthly <= 0 ? 0 : total / monthly", "total_charges", "monthly_charges"))
            .Append(ml.Transforms.Concatenate("Features", "Features", "ChargeMonths"))
            .Append(ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                LabelColumnName = context.LabelColumn,
                NumberOfTrees = trees,
                NumberOfLeaves = leaves,
                MinimumExampleCountPerLeaf = 20,
                LearningRate = 0.05,
                Seed = context.Seed,
                FeatureSelectionSeed = context.Seed,
                NumberOfThreads = context.Threads,
            }));
    }
}
