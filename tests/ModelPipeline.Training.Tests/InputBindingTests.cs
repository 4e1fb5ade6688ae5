using ModelPipeline.Data;
using ModelPipeline.Training.Features;

namespace ModelPipeline.Training.Tests;

/// <summary>How a frame's categorical codes become the model's category indices, whatever order its levels come in.</summary>
public sealed class InputBindingTests
{
    private static readonly ModelSchema Schema = ModelTrainer.Fit(
        new Frame([
            Column.Categorical("contract", [0, 1, 2, 0, 1, 2, 0, 1], ["Month-to-month", "One year", "Two year"]),
            Column.Numeric("y", [1, 0, 0, 1, 0, 0, 1, 1]),
        ]),
        new TrainingSpec(TaskKind.Binary, "y", new Dictionary<string, string>()) { TrainerType = "logistic_regression" }).Schema;

    [Fact]
    public void Bind_LevelsStartWithTheModels_CodesCarryOverAndLaterLevelsAreUnknown()
    {
        // As the model server builds a request: the model's levels (copied), then levels the model never saw.
        var frame = new Frame([Column.Categorical("contract", [2, 0, 3, -1, 1], ["Month-to-month", "One year", "Two year", "Ten year"])]);

        var bound = InputBinding.Bind(Schema, frame);

        Assert.Equal([2, 0, BoundInputs.Unknown, BoundInputs.Missing, 1], bound.Codes[0]!);
    }

    [Fact]
    public void Bind_LevelsInAnotherOrder_MapsByName()
    {
        var frame = new Frame([Column.Categorical("contract", [0, 1, 2, -1], ["Two year", "Ten year", "Month-to-month"])]);

        var bound = InputBinding.Bind(Schema, frame);

        Assert.Equal([2, BoundInputs.Unknown, 0, BoundInputs.Missing], bound.Codes[0]!);
    }

    [Fact]
    public void Bind_FewerLevelsThanTheModel_MapsByName()
    {
        var frame = new Frame([Column.Categorical("contract", [0, 1], ["Month-to-month", "Two year"])]);

        var bound = InputBinding.Bind(Schema, frame);

        Assert.Equal([0, 2], bound.Codes[0]!);
    }
}
