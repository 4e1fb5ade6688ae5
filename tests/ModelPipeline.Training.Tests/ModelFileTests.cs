using System.Buffers.Binary;
using ModelPipeline.Training.Tests.Support;

namespace ModelPipeline.Training.Tests;

public sealed class ModelFileTests
{
    [Theory]
    [InlineData("gradient_boosting")]
    [InlineData("logistic_regression")]
    public void Load_SavedModel_PredictsIdentically(string trainer)
    {
        var (train, holdout) = TestData.Split("churn.csv", "churn");
        var model = ModelTrainer.Fit(train, Specs.Of(TaskKind.Binary, "churn", trainer, ("max_iterations", "20")));
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var loaded = TrainedModel.Load(stream);

        Assert.Equal(model.Predict(holdout).Probabilities, loaded.Predict(holdout).Probabilities);
        Assert.Equal(model.Schema.Classes, loaded.Schema.Classes);
        Assert.Equal(model.Schema.Inputs.Select(i => (i.Name, i.Kind)), loaded.Schema.Inputs.Select(i => (i.Name, i.Kind)));
        Assert.Equal(model.Parameters, loaded.Parameters);
        Assert.Equal(model.TrainerType, loaded.TrainerType);
        Assert.Equal(model.ToBytes(), loaded.ToBytes());
    }

    [Fact]
    public void Load_RegressionModel_RoundTrips()
    {
        var frame = TestData.Read("diabetes_progression.csv");
        var model = ModelTrainer.Fit(frame, Specs.Of(TaskKind.Regression, "disease_progression", "linear_regression"));

        var loaded = TrainedModel.Load(model.ToBytes());

        Assert.Equal(model.Predict(frame).Values, loaded.Predict(frame).Values);
    }

    [Fact]
    public void Load_NewerFormatVersion_SaysSo()
    {
        var bytes = TinyModel().ToBytes();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 7);

        var error = Assert.Throws<ModelFormatException>(() => TrainedModel.Load(bytes));

        Assert.StartsWith("model file format version 7 is newer than this ModelPipeline understands (2)", error.Message);
    }

    [Fact]
    public void Load_NotAModelFile_Fails()
    {
        var error = Assert.Throws<ModelFormatException>(() => TrainedModel.Load("{\"not\": \"a model\"}"u8.ToArray()));

        Assert.Contains("not a ModelPipeline model file", error.Message);
    }

    [Fact]
    public void Load_FlippedByte_ReportsCorruption()
    {
        var bytes = TinyModel().ToBytes();
        bytes[bytes.Length / 2] ^= 0x40;

        var error = Assert.Throws<ModelFormatException>(() => TrainedModel.Load(bytes));

        Assert.Contains("corrupt", error.Message);
    }

    [Fact]
    public void Load_TruncatedFile_ReportsCorruption()
    {
        var bytes = TinyModel().ToBytes();

        Assert.Throws<ModelFormatException>(() => TrainedModel.Load(bytes[..(bytes.Length - 40)]));
    }

    private static TrainedModel TinyModel() =>
        ModelTrainer.Fit(TestData.Read("diabetes_progression.csv"), Specs.Of(TaskKind.Regression, "disease_progression", "gradient_boosting", ("max_iterations", "2")));
}
