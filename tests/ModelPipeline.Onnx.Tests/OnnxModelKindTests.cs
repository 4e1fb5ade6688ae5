using ModelPipeline.Training;

namespace ModelPipeline.Onnx.Tests;

/// <summary>
/// The <c>onnx</c> model kind: an ONNX file made elsewhere becomes a stored model that carries its schema, reloads
/// through <see cref="ModelKinds"/> with the same predictions, and names the framework that made it.
/// </summary>
public sealed class OnnxModelKindTests
{
    private static readonly TrainingSpec Spec = new(TaskKind.Binary, "churn", new Dictionary<string, string>());

    [Fact]
    public void Create_ThenLoadThroughModelKinds_SamePredictionsSchemaAndFramework()
    {
        var (train, holdout) = TestData.Split("churn.csv", "churn");
        var builtIn = ModelTrainer.Fit(train, Spec);
        var schema = ModelTrainer.DescribeSchema(train, Spec);
        var created = OnnxScoringModel.Create(OnnxExport.ToBytes(builtIn), schema, train, "onnx_file", new Dictionary<string, string> { ["note"] = "x" });
        OnnxModelKind.Register();

        var loaded = ModelKinds.Load("onnx", created.ToBytes());

        Assert.Equal(("onnx", "model.onnx"), (loaded.Kind, ModelKinds.Find("onnx").FileName));
        Assert.Equal("onnx_file", loaded.TrainerType);
        Assert.Equal("x", loaded.Parameters["note"]);
        Assert.Equal(schema.Classes, loaded.Schema.Classes);
        Assert.Equal(schema.Inputs.Select(i => i.Name), loaded.Schema.Inputs.Select(i => i.Name));
        Assert.Equal("8", loaded.Framework["onnx_ir_version"]);
        Assert.Equal("ai.onnx 15, ai.onnx.ml 3", loaded.Framework["onnx_opsets"]);
        Assert.StartsWith("ModelPipeline ", loaded.Framework["onnx_producer"], StringComparison.Ordinal);
        Assert.StartsWith("1.32", loaded.Framework["onnxruntime_version"], StringComparison.Ordinal);
        var expected = builtIn.Predict(holdout, null);
        var actual = loaded.Predict(holdout, null);
        Assert.Equal(expected.Values, actual.Values);
        Assert.All(expected.Probabilities!.Zip(actual.Probabilities!), p => Assert.Equal(p.First, p.Second, 1e-5));
        Assert.Equal(created.Predict(holdout, 1).Probabilities, actual.Probabilities);
    }

    [Fact]
    public void Create_ModelReadsAnIgnoredColumn_NamesIt()
    {
        var (train, _) = TestData.Split("churn.csv", "churn");
        var onnx = OnnxExport.ToBytes(ModelTrainer.Fit(train, Spec));
        var schema = ModelTrainer.DescribeSchema(train, Spec with { IgnoredColumns = ["tenure"] });

        var error = Assert.Throws<ModelSchemaException>(() => OnnxScoringModel.Create(onnx, schema, train, "onnx_file", new Dictionary<string, string>()));

        Assert.StartsWith("the ONNX model reads tenure, which is not an input column of the pipeline (the label or an ignored column); its inputs: female, ", error.Message);
    }

    [Fact]
    public void Load_OnnxFileNotStoredByAPipeline_IsModelFormatException()
    {
        var (train, _) = TestData.Split("churn.csv", "churn");
        var plain = OnnxExport.ToBytes(ModelTrainer.Fit(train, Spec));

        var error = Assert.Throws<ModelFormatException>(() => new OnnxModelKind().Load(plain));

        Assert.Equal("the ONNX model has no modelpipeline.schema metadata: it was not stored by a ModelPipeline pipeline", error.Message);
    }

    [Fact]
    public void Load_NotOnnx_IsModelFormatExceptionInOneLine()
    {
        var error = Assert.Throws<ModelFormatException>(() => new OnnxModelKind().Load("not a model"u8.ToArray()));

        Assert.StartsWith("not a valid ONNX model", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
