using System.Text;
using System.Text.Json;
using ModelPipeline.Data;
using ModelPipeline.MLNet;
using ModelPipeline.Serving.Model;
using ModelPipeline.Training;

namespace ModelPipeline.Serving.MLNet.Tests;

/// <summary>An ML.NET LightGBM churn model (20 iterations) fitted once, written as the Package target writes a model directory.</summary>
public sealed class ChurnMLNetModel : IDisposable
{
    public ChurnMLNetModel()
    {
        MLNetModelKind.Register();
        Data = TestData.Read("churn.csv");
        var (train, _) = FrameSplit.TrainHoldout(Data, 0.2, 42, "churn");
        var spec = new TrainingSpec(TaskKind.Binary, "churn", new Dictionary<string, string> { ["number_of_iterations"] = "20" })
        {
            TrainerType = "mlnet",
            Threads = 1,
            Seed = 42,
        };
        Model = MLNetTrainer.Fit(Data.Take(train), spec, "lightgbm");
        Directory = Path.Combine(Path.GetTempPath(), "mp-serving-mlnet-tests", Guid.NewGuid().ToString("N"));
        ServedModel.WriteDirectory(Directory, Model.ToBytes(), new ModelManifest("churn-mlnet", "1.0.0", "", Kind: MLNetModelKind.Name, File: MLNetModelKind.File));
    }

    public Frame Data { get; }

    public IScoringModel Model { get; }

    /// <summary>model.zip + model.json (kind mlnet).</summary>
    public string Directory { get; }

    /// <summary>A dataframe_split body of <paramref name="rows"/> with the given columns.</summary>
    public string Body(int[] rows, IReadOnlyList<string> columns)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject("dataframe_split");
            w.WriteStartArray("columns");
            foreach (var c in columns)
            {
                w.WriteStringValue(c);
            }

            w.WriteEndArray();
            w.WriteStartArray("data");
            foreach (var r in rows)
            {
                w.WriteStartArray();
                foreach (var c in columns)
                {
                    var column = Data[c];
                    if (column.IsMissing(r))
                    {
                        w.WriteNullValue();
                    }
                    else if (column.IsNumeric)
                    {
                        w.WriteNumberValue(column.Number(r));
                    }
                    else
                    {
                        w.WriteStringValue(column.GetText(r));
                    }
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public string[] InputNames => [.. Model.Schema.Inputs.Select(i => i.Name)];

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
