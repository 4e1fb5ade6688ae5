using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.Onnx.Tests;

/// <summary>
/// ExportOnnx round trip: every built-in trainer on every task, exported to ONNX and scored by OnnxRuntime on the
/// holdout, predicts what the model predicts in process (probabilities to 1e-5, classes exactly).
/// </summary>
public sealed class OnnxExportTests
{
    public static TheoryData<string, string, TaskKind, string> Cases => new()
    {
        { "churn.csv", "churn", TaskKind.Binary, "logistic_regression" },
        { "churn.csv", "churn", TaskKind.Binary, "gradient_boosting" },
        { "breast_cancer.csv", "malignant", TaskKind.Binary, "logistic_regression" },
        { "breast_cancer.csv", "malignant", TaskKind.Binary, "gradient_boosting" },
        { "satellite.csv", "class", TaskKind.Multiclass, "logistic_regression" },
        { "satellite.csv", "class", TaskKind.Multiclass, "gradient_boosting" },
        { "diabetes_progression.csv", "disease_progression", TaskKind.Regression, "linear_regression" },
        { "diabetes_progression.csv", "disease_progression", TaskKind.Regression, "gradient_boosting" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Export_ScoredByOnnxRuntime_PredictsAsInProcess(string file, string label, TaskKind task, string trainer)
    {
        var (train, holdout) = TestData.Split(file, label, task != TaskKind.Regression);
        var model = ModelTrainer.Fit(train, new TrainingSpec(task, label, new Dictionary<string, string>()) { TrainerType = trainer });

        AssertSamePredictions(model, holdout);
    }

    [Theory]
    [InlineData("logistic_regression", "mean", "most_frequent", "standard")]
    [InlineData("logistic_regression", "median", "unknown", "minmax")]
    [InlineData("logistic_regression", "zero", "most_frequent", "none")]
    [InlineData("gradient_boosting", "median", "most_frequent", "standard")]
    public void Export_MissingAndUnseenValues_FollowTheFittedImputation(string trainer, string numericImpute, string categoricalImpute, string scale)
    {
        var (train, holdout) = TestData.Split("churn.csv", "churn");
        var features = new FeatureOptions { NumericImpute = numericImpute, CategoricalImpute = categoricalImpute, Scale = scale, MaxCategories = 2 };
        var model = ModelTrainer.Fit(Damaged(train, 7), new TrainingSpec(TaskKind.Binary, "churn", new Dictionary<string, string>()) { TrainerType = trainer, Features = features });

        AssertSamePredictions(model, Damaged(holdout, 3));
    }

    [Fact]
    public void Export_SameModel_SameBytes()
    {
        var (train, _) = TestData.Split("churn.csv", "churn");
        var spec = new TrainingSpec(TaskKind.Binary, "churn", new Dictionary<string, string> { ["max_iterations"] = "5" }) { TrainerType = "gradient_boosting" };
        var model = ModelTrainer.Fit(train, spec);

        Assert.Equal(OnnxExport.ToBytes(model), OnnxExport.ToBytes(TrainedModel.Load(model.ToBytes())));
    }

    internal static void AssertSamePredictions(TrainedModel model, Frame holdout)
    {
        using var onnx = OnnxModel.Load(OnnxExport.ToBytes(model), model.Schema.Task, model.Schema.Classes);
        var expected = model.Predict(holdout);

        var actual = onnx.Predict(holdout);

        Assert.Equal(model.Schema.Classes, onnx.Classes);
        Assert.Equal(model.Schema.Inputs.Select(i => i.Name), onnx.InputNames);
        if (model.Schema.Task == TaskKind.Regression)
        {
            var worst = expected.Values.Zip(actual.Values, (e, a) => Math.Abs(e - a) / Math.Max(1, Math.Abs(e))).Max();
            Assert.True(worst <= 1e-9, $"largest relative difference {worst:E2}");
            return;
        }

        Assert.Equal(expected.Values, actual.Values);
        var largest = expected.Probabilities!.Zip(actual.Probabilities!, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(largest <= 1e-5, $"largest probability difference {largest:E2}");
    }

    /// <summary>
    /// A copy where every <paramref name="every"/>-th row (offset per column) lacks its value, and categorical columns
    /// also hold a level never seen in training.
    /// </summary>
    internal static Frame Damaged(Frame frame, int every)
    {
        var columns = frame.Columns.Select((column, c) =>
        {
            if (column.Name == "churn")
            {
                return column;
            }

            bool Hit(int row) => (row + c) % every == 0;
            if (column.Codes is { } codes)
            {
                string[] categories = [.. column.Categories, "never seen"];
                var damaged = codes.Select((code, row) => Hit(row) ? -1 : (row + c) % every == 1 ? categories.Length - 1 : code).ToArray();
                return Column.Categorical(column.Name, damaged, categories);
            }

            var numbers = column.Numbers!.Select((v, row) => Hit(row) ? double.NaN : v).ToArray();
            return column.Kind == ColumnKind.Boolean ? Column.Boolean(column.Name, numbers) : Column.Numeric(column.Name, numbers);
        });
        return new Frame([.. columns]);
    }
}
