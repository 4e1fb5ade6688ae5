using ModelPipeline.Data;

namespace ModelPipeline.Training.Tests;

/// <summary>Every model kind is read through one catalog; an unknown kind is one clear error naming the kinds there are.</summary>
public sealed class ModelKindsTests
{
    [Fact]
    public void Load_BuiltIn_ReadsTheModelFileAsAScoringModel()
    {
        var frame = new Frame([Column.Numeric("x", [1, 2, 3, 4, 5, 6]), Column.Numeric("y", [1.5, 2.5, 3.6, 4.4, 5.5, 6.4])]);
        var model = ModelTrainer.Fit(frame, new TrainingSpec(TaskKind.Regression, "y", new Dictionary<string, string>()) { TrainerType = "linear_regression" });

        IScoringModel loaded = ModelKinds.Load(ModelKinds.BuiltIn, model.ToBytes());

        Assert.Equal("builtin", loaded.Kind);
        Assert.Equal("model.bin", ModelKinds.Find(null).FileName);
        Assert.Empty(loaded.Framework);
        Assert.Equal(model.Predict(frame).Values, loaded.Predict(frame, 1).Values);
        Assert.Equal([1.5, 2.5, 3.6, 4.4, 5.5, 6.4], loaded.ReadTargets(frame));
    }

    [Fact]
    public void Find_UnknownKind_NamesTheKindsThisBuildReads()
    {
        var e = Assert.Throws<ModelFormatException>(() => ModelKinds.Find("tensorflow"));

        Assert.StartsWith("model kind 'tensorflow' cannot be read by this build (it reads: builtin", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireInputs_MissingAndMistypedColumns_AreAllNamed()
    {
        var schema = new ModelSchema(TaskKind.Binary, "y", ["0", "1"],
            [new InputColumn("a", ColumnKind.Numeric, []), new InputColumn("b", ColumnKind.Numeric, []), new InputColumn("c", ColumnKind.Categorical, ["p"])]);
        var frame = new Frame([Column.Categorical("b", [0], ["q"]), Column.Numeric("c", [1])]);

        var e = Assert.Throws<ModelSchemaException>(() => schema.RequireInputs(frame));

        Assert.Equal("input lacks column 'a' (numeric); column 'b' is categorical in the input but the model expects numeric", e.Message);
        Assert.Equal(["a", "b"], e.Columns);
    }
}
