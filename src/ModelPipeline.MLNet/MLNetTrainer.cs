using System.Globalization;
using Microsoft.ML;
using ModelPipeline.Data;
using ModelPipeline.MLNet.Data;
using ModelPipeline.MLNet.Training;
using ModelPipeline.Training;

namespace ModelPipeline.MLNet;

/// <summary>
/// Fits an ML.NET model on the training rows: a trainer named in the YAML with the <c>features</c> section as ML.NET
/// transforms, or a team's own <see cref="IMLNetEstimator"/>. The schema (inputs, classes, positive class) is the
/// one built-in trainers use, so every kind reads the same columns and is scored on the same holdout.
/// </summary>
public static class MLNetTrainer
{
    /// <summary>What the lineage says about reproducibility.</summary>
    public const string Reproducibility =
        "the same data, seed and thread count give the same model and metrics; LightGBM, FastTree and L-BFGS may give other bytes with another thread count (SDCA runs on one thread)";

    /// <summary>Fits ML.NET trainer <paramref name="trainer"/> (<see cref="MLNetTrainerCatalog"/>) with <c>spec.Parameters</c>.</summary>
    /// <exception cref="TrainingOptionsException">Unknown trainer or parameter, wrong task, bad data (no label, too few rows).</exception>
    public static MLNetModel Fit(Frame train, TrainingSpec spec, string trainer)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        return Fit(train, spec, $"mlnet:{trainer}", (ml, context) =>
            context.Featurize().Append(MLNetTrainerCatalog.Create(ml, trainer, spec.Task, spec.Parameters, spec.Seed, context.Threads)));
    }

    /// <summary>Fits a team's own estimator, named <paramref name="name"/> in errors and in the model's trainer type.</summary>
    /// <exception cref="MLNetModelException">The class throws, or its output has no usable <c>Score</c> column; the message names the class.</exception>
    public static MLNetModel Fit(Frame train, TrainingSpec spec, IMLNetEstimator estimator, string name)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        try
        {
            return Fit(train, spec, $"mlnet:{name}", (_, context) => estimator.Build(context));
        }
        catch (MLNetModelException e)
        {
            throw new MLNetModelException($"estimator {name}: {e.Message}", e);
        }
        catch (Exception e) when (e is not (TrainingOptionsException or ModelSchemaException or OutOfMemoryException))
        {
            throw new MLNetModelException($"estimator {name} failed: {e.GetType().Name}: {e.Message}", e);
        }
    }

    private static MLNetModel Fit(Frame train, TrainingSpec spec, string trainerType, Func<MLContext, MLNetEstimatorContext, IEstimator<ITransformer>> build)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(spec);
        var schema = ModelTrainer.DescribeSchema(train, spec);
        var reserved = schema.Inputs.Select(i => i.Name).Where(n => n is FrameDataView.LabelColumn or FeaturePipeline.FeaturesColumn or "Score" or "Probability" or "PredictedLabel").ToArray();
        if (reserved.Length > 0)
        {
            throw new TrainingOptionsException($"Input column(s) {string.Join(", ", reserved)} clash with ML.NET's own column names; rename them or list them in data.ignore.");
        }

        var threads = spec.Threads ?? Environment.ProcessorCount;
        var ml = new MLContext(spec.Seed);
        MLNetComponents.Register(ml);
        var inputs = schema.RequireInputs(train);
        var view = FrameDataView.Of(schema, inputs, 0, train.RowCount, schema.ReadTargets(train));
        var context = new MLNetEstimatorContext(ml, view.Schema, schema, inputs, spec.Features, spec.Parameters, spec.Seed, threads);
        var estimator = build(ml, context);
        var transformer = estimator.Fit(view);
        OutputColumns.Find(transformer.GetOutputSchema(view.Schema), schema.Task);
        var parameters = new SortedDictionary<string, string>(spec.Parameters.ToDictionary(), StringComparer.Ordinal)
        {
            ["seed"] = spec.Seed.ToString(CultureInfo.InvariantCulture),
            ["threads"] = threads.ToString(CultureInfo.InvariantCulture),
        };
        var framework = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["framework"] = "ML.NET",
            ["mlnet_version"] = MLNetComponents.Version,
            ["threads"] = threads.ToString(CultureInfo.InvariantCulture),
            ["reproducible"] = Reproducibility,
        };
        var inputSchema = FrameDataView.Of(schema, inputs, 0, 0).Schema;
        var bytes = Format.MLNetModelFile.Write(ml, transformer, inputSchema, schema, trainerType, parameters, framework);
        return new MLNetModel(ml, transformer, schema, trainerType, parameters, framework, bytes);
    }
}
