using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.Monitoring.Tests;

public sealed class PredictionLogReaderTests
{
    private static readonly ModelSchema Schema = new(TaskKind.Binary, "churn", ["0", "1"],
    [
        new InputColumn("tenure", ColumnKind.Numeric, []),
        new InputColumn("contract", ColumnKind.Categorical, ["Month-to-month", "One year"]),
        new InputColumn("partner", ColumnKind.Boolean, []),
    ]);

    [Fact]
    public void Read_ServerLogLines_GivesInputsAndLoggedPredictions()
    {
        var folder = Directory.CreateTempSubdirectory("mp-log-").FullName;
        File.WriteAllLines(Path.Combine(folder, "predictions-000001.jsonl"),
        [
            """{"time":"2026-11-22T07:31:02.123Z","pipeline":"churn","model_version":"1.0.0","inputs":{"tenure":12,"contract":"One year","partner":1},"prediction":0,"probabilities":[0.8,0.2]}""",
            """{"time":"2026-11-22T07:31:02.124Z","pipeline":"churn","model_version":"1.0.0","inputs":{"tenure":null,"contract":"Two year","partner":0},"prediction":1,"probabilities":[0.3,0.7]}""",
        ]);

        var (inputs, predictions) = PredictionLogReader.Read(folder, Schema);

        Assert.Equal(2, inputs.RowCount);
        Assert.Equal(12, inputs["tenure"].Numbers![0]);
        Assert.True(inputs["tenure"].IsMissing(1));
        Assert.Equal("Two year", inputs["contract"].GetText(1));
        Assert.Equal([0.2, 0.7], predictions.PositiveScores());
        Assert.Equal([0.0, 1.0], predictions.Values);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Read_BrokenLine_NamesFileAndLine()
    {
        var folder = Directory.CreateTempSubdirectory("mp-log-").FullName;
        var file = Path.Combine(folder, "predictions-000001.jsonl");
        File.WriteAllLines(file, ["""{"inputs":{"tenure":1,"contract":"One year","partner":1},"prediction":0,"probabilities":[0.9,0.1]}""", "{not json"]);

        var error = Assert.Throws<MonitoringException>(() => PredictionLogReader.Read(folder, Schema));

        Assert.StartsWith($"{file}:2: not a prediction log record", error.Message);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Read_EmptyFolder_SaysNoLogFiles()
    {
        var folder = Directory.CreateTempSubdirectory("mp-log-").FullName;

        var error = Assert.Throws<MonitoringException>(() => PredictionLogReader.Read(folder, Schema));

        Assert.Equal($"no prediction log files (predictions*.jsonl) in {folder}", error.Message);
    }
}
