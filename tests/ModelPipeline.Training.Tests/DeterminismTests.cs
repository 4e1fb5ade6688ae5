using ModelPipeline.Training.Tests.Support;

namespace ModelPipeline.Training.Tests;

/// <summary>Same data, spec and seed give byte-identical model files whatever the thread count.</summary>
public sealed class DeterminismTests
{
    public static TheoryData<string, string, TaskKind, string, string[]> Cases => new()
    {
        { "flights_q1_sample.csv", "delayed", TaskKind.Binary, "gradient_boosting", ["max_iterations=15"] },
        { "satellite.csv", "class", TaskKind.Multiclass, "gradient_boosting", ["max_iterations=3"] },
        { "diabetes_progression.csv", "disease_progression", TaskKind.Regression, "gradient_boosting", ["max_iterations=20"] },
        { "flights_q1_sample.csv", "delayed", TaskKind.Binary, "logistic_regression", [] },
        { "satellite.csv", "class", TaskKind.Multiclass, "logistic_regression", ["max_iterations=50"] },
        { "flights_q1_sample.csv", "distance", TaskKind.Regression, "linear_regression", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_OneThreadOrFour_SameBytes(string file, string label, TaskKind task, string trainer, string[] parameters)
    {
        var frame = TestData.Read(file);
        var spec = Specs.Of(task, label, trainer, [.. parameters.Select(p => (p.Split('=')[0], p.Split('=')[1]))]) with { IgnoredColumns = ["date"] };

        var single = ModelTrainer.Fit(frame, spec with { Threads = 1 }).ToBytes();
        var four = ModelTrainer.Fit(frame, spec with { Threads = 4 }).ToBytes();

        Assert.Equal(single, four);
    }

    [Fact]
    public void Fit_DifferentSeed_DifferentValidationSplit()
    {
        var frame = TestData.Read("flights_q1_sample.csv");
        var spec = Specs.Of(TaskKind.Binary, "delayed", "gradient_boosting", ("max_iterations", "3")) with { IgnoredColumns = ["date"] };

        Assert.NotEqual(ModelTrainer.Fit(frame, spec).ToBytes(), ModelTrainer.Fit(frame, spec with { Seed = 7 }).ToBytes());
    }
}
