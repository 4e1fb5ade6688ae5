using System.IO.Compression;
using ModelPipeline.Evaluation;
using ModelPipeline.Training;
using ModelPipeline.Training.Format;

namespace ModelPipeline.MLNet.Tests;

/// <summary>ML.NET trainers named in the YAML learn every task, are scored by our metrics and read back as the same model.</summary>
public sealed class MLNetTrainerTests
{
    static MLNetTrainerTests() => MLNetModelKind.Register();

    public static TheoryData<string, string, TaskKind, string, string, double> Cases => new()
    {
        // data set, label, task, trainer, metric, at least (the built-in trainers reach: churn auc 0.84, satellite accuracy 0.85-0.9, diabetes r2 0.4-0.5)
        { "churn.csv", "churn", TaskKind.Binary, "lightgbm", "auc", 0.80 },
        { "churn.csv", "churn", TaskKind.Binary, "sdca_logistic_regression", "auc", 0.80 },
        { "churn.csv", "churn", TaskKind.Binary, "fast_tree", "auc", 0.80 },
        { "satellite.csv", "class", TaskKind.Multiclass, "lbfgs_maximum_entropy", "accuracy", 0.80 },
        { "satellite.csv", "class", TaskKind.Multiclass, "lightgbm", "accuracy", 0.85 },
        { "diabetes_progression.csv", "disease_progression", TaskKind.Regression, "sdca_regression", "r2", 0.35 },
        { "diabetes_progression.csv", "disease_progression", TaskKind.Regression, "fast_forest", "r2", 0.30 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_EveryTask_ScoresOnTheHoldoutAndReadsBackAsTheSameModel(string file, string label, TaskKind task, string trainer, string metric, double atLeast)
    {
        var data = Holdout.Of(file, label, task);

        var model = MLNetTrainer.Fit(data.Train, data.Spec, trainer);
        var evaluation = ModelEvaluator.Evaluate(model, data.Test);
        var loaded = ModelKinds.Load("mlnet", model.ToBytes());

        Assert.True(evaluation[metric] >= atLeast, $"{trainer} {metric} {evaluation[metric]:0.000} < {atLeast}");
        Assert.Equal(model.Predict(data.Test, 1).Values, loaded.Predict(data.Test, 2).Values);
        Assert.Equal(model.Predict(data.Test, 1).Probabilities, loaded.Predict(data.Test, 2).Probabilities);
        Assert.Equal(($"mlnet:{trainer}", "mlnet"), (loaded.TrainerType, loaded.Kind));
        Assert.Equal(ModelSchemaJson.Write(model.Schema), ModelSchemaJson.Write(loaded.Schema));
    }

    [Fact]
    public void ToBytes_IsAnMLNetZipWithOurSchemaAndLineage()
    {
        var data = Holdout.Of("churn.csv", "churn", TaskKind.Binary, ("number_of_iterations", "20"));

        var model = MLNetTrainer.Fit(data.Train, data.Spec, "lightgbm");

        using var zip = new ZipArchive(new MemoryStream(model.ToBytes()));
        Assert.Contains(zip.Entries, e => e.FullName == "ModelPipeline/schema.json");
        Assert.Contains(zip.Entries, e => e.FullName.StartsWith("TransformerChain", StringComparison.Ordinal));
        Assert.Equal("6.0.0", model.Framework["mlnet_version"]);
        Assert.Equal("20", model.Parameters["number_of_iterations"]);
        Assert.Equal(["0", "1"], model.Schema.Classes);
        var loaded = new Microsoft.ML.MLContext().Model.Load(new MemoryStream(model.ToBytes()), out var inputs);
        Assert.NotNull(inputs.GetColumnOrNull("tenure"));
    }

    [Fact]
    public void Fit_SameSeedTwice_SameMetricsAndBytes()
    {
        var data = Holdout.Of("churn.csv", "churn", TaskKind.Binary, ("number_of_iterations", "30"));

        var first = MLNetTrainer.Fit(data.Train, data.Spec, "lightgbm");
        var second = MLNetTrainer.Fit(data.Train, data.Spec, "lightgbm");

        Assert.Equal(ModelEvaluator.Evaluate(first, data.Test).Metrics.Values, ModelEvaluator.Evaluate(second, data.Test).Metrics.Values);
        Assert.Equal(first.ToBytes(), second.ToBytes());
    }

    [Fact]
    public void Predict_HoldoutWithoutAnInput_NamesTheColumn()
    {
        var data = Holdout.Of("churn.csv", "churn", TaskKind.Binary, ("number_of_iterations", "5"));
        var model = MLNetTrainer.Fit(data.Train, data.Spec, "lightgbm");

        var e = Assert.Throws<ModelSchemaException>(() => model.Predict(data.Test.Without("tenure"), null));

        Assert.Equal("input lacks column 'tenure' (numeric)", e.Message);
    }

    [Theory]
    [InlineData("lightgbn", TaskKind.Binary, "Unknown ML.NET trainer 'lightgbn'; expected one of fast_forest, fast_tree, lbfgs_logistic_regression, lbfgs_maximum_entropy, lbfgs_poisson_regression, lightgbm, sdca_logistic_regression, sdca_maximum_entropy, sdca_regression (did you mean 'lightgbm'?).")]
    [InlineData("fast_tree", TaskKind.Multiclass, "ML.NET trainer fast_tree cannot learn a multiclass task.")]
    public void Fit_WrongTrainer_OneClearLine(string trainer, TaskKind task, string message)
    {
        var data = Holdout.Of(task == TaskKind.Binary ? "churn.csv" : "satellite.csv", task == TaskKind.Binary ? "churn" : "class", task);

        var e = Assert.Throws<TrainingOptionsException>(() => MLNetTrainer.Fit(data.Train, data.Spec, trainer));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Catalog_NamesAndParameters_MatchWhatTheYamlAccepts()
    {
        var yaml = Definitions.MLNetTrainerCatalog.Trainers;

        Assert.Equal(MLNet.Training.MLNetTrainerCatalog.Names, yaml.Select(t => t.Name).Order(StringComparer.Ordinal));
        foreach (var trainer in yaml)
        {
            Assert.Equal(MLNet.Training.MLNetTrainerCatalog.ParametersOf(trainer.Name).Order(), trainer.Parameters.Select(p => p.Name).Order());
            Assert.Equal(MLNet.Training.MLNetTrainerCatalog.TasksOf(trainer.Name).Select(t => t.ToString().ToLowerInvariant()).Order(), trainer.Tasks.Order());
        }
    }
}
