using ModelPipeline.Training.Tests.Support;

namespace ModelPipeline.Training.Tests;

/// <summary>Linear models fitted on all rows agree with scikit-learn's pipeline (median impute, scaling, one-hot).</summary>
public sealed class SklearnAgreementTests
{
    /// <summary>Solved tightly on both sides (the fixture uses tol=1e-10) so both reach the same optimum.</summary>
    private static readonly (string, string)[] Converged = [("tolerance", "1e-10"), ("max_iterations", "10000")];

    [Theory]
    [InlineData("breast_cancer.csv", "malignant")]
    [InlineData("churn.csv", "churn")]
    public void LogisticRegression_AllRows_ProbabilitiesMatchScikitLearn(string file, string label)
    {
        var frame = TestData.Read(file);
        var model = ModelTrainer.Fit(frame, Specs.Of(TaskKind.Binary, label, "logistic_regression", Converged));

        var expected = SklearnReference.Values($"{file}:logistic_regression");
        var actual = model.Predict(frame.Take([.. Enumerable.Range(0, expected.Length)])).PositiveScores();

        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-4, $"row {i}: scikit-learn {expected[i]:F5}, ours {actual[i]:F5}");
        }
    }

    [Fact]
    public void LogisticRegression_SatelliteMultinomial_ProbabilitiesMatchScikitLearn()
    {
        var frame = TestData.Read("satellite.csv");
        var model = ModelTrainer.Fit(frame, Specs.Of(TaskKind.Multiclass, "class", "logistic_regression"));

        var (classes, expected) = SklearnReference.ClassProbabilities("satellite.csv:logistic_regression");
        var actual = model.Predict(frame.Take([.. Enumerable.Range(0, expected.Length)]));

        Assert.Equal(classes, model.Schema.Classes);
        for (var i = 0; i < expected.Length; i++)
        {
            for (var c = 0; c < classes.Length; c++)
            {
                var ours = actual.Probabilities![(i * classes.Length) + c];
                Assert.True(Math.Abs(expected[i][c] - ours) < 0.01, $"row {i} class {classes[c]}: scikit-learn {expected[i][c]:F5}, ours {ours:F5}");
            }
        }
    }

    [Fact]
    public void LinearRegression_DiabetesAllRows_PredictionsMatchScikitLearnRidge()
    {
        var frame = TestData.Read("diabetes_progression.csv");
        var model = ModelTrainer.Fit(frame, Specs.Of(TaskKind.Regression, "disease_progression", "linear_regression"));

        var expected = SklearnReference.Values("diabetes_progression.csv:linear_regression");
        var actual = model.Predict(frame.Take([.. Enumerable.Range(0, expected.Length)])).Values;

        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-6);
        }
    }
}
