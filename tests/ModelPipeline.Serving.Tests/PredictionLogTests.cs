using System.Text.Json;
using ModelPipeline.Serving.Hosting;
using ModelPipeline.Serving.Tests.Support;

namespace ModelPipeline.Serving.Tests;

[Collection(ChurnServerCollection.Name)]
public sealed class PredictionLogTests(ChurnServer churn)
{
    private string[] InputNames => [.. churn.Model.Schema.Inputs.Select(i => i.Name)];

    [Fact]
    public async Task PredictionLog_SampleRateOne_WritesOneLinePerScoredRow()
    {
        var (_, answer) = await Scoring.PostAsync(churn.Client, RequestBodies.Records("dataframe_records", churn.Data, [7, 8, 9], InputNames));

        // Other tests share this server and its log: wait until the last three lines are rows 7, 8 and 9.
        var lines = await InfoEndpointsTests.Eventually(() => ReadLines(churn.PredictionLogDirectory) is { Length: >= 3 } all && EndsWithRows(all, 7) ? all : []);
        var last = lines[^3..].Select(l => JsonDocument.Parse(l).RootElement).ToArray();

        for (var i = 0; i < 3; i++)
        {
            var row = 7 + i;
            Assert.True(last[i].GetProperty("time").GetDateTime() > DateTime.UtcNow.AddMinutes(-5));
            Assert.Equal("1.2.0", last[i].GetProperty("model_version").GetString());
            var inputs = last[i].GetProperty("inputs");
            Assert.Equal(19, inputs.EnumerateObject().Count());
            Assert.Equal(churn.Data["tenure"].Numbers![row], inputs.GetProperty("tenure").GetDouble());
            Assert.Equal(churn.Data["contract"].GetText(row), inputs.GetProperty("contract").GetString());
            Assert.Equal(answer.GetProperty("predictions")[i].GetRawText(), last[i].GetProperty("prediction").GetRawText());
            Assert.Equal(answer.GetProperty("probabilities")[i].GetRawText(), last[i].GetProperty("probabilities").GetRawText());
        }
    }

    [Fact]
    public async Task PredictionLog_SampleRateZero_WritesNothing()
    {
        var directory = Path.Combine(Path.GetTempPath(), "mp-serving-tests", Guid.NewGuid().ToString("N"));
        await using (var server = await RunningServer.StartAsync(new ServerOptions
        {
            Model = churn.Served(),
            PredictionLogDirectory = directory,
            PredictionLogSampleRate = 0,
        }))
        {
            var (status, _) = await Scoring.PostAsync(server.Client, RequestBodies.Records("dataframe_records", churn.Data, [1, 2], InputNames));
            Assert.Equal(System.Net.HttpStatusCode.OK, status);
        }

        Assert.Empty(ReadLines(directory));
    }

    private bool EndsWithRows(string[] lines, int first) =>
        Enumerable.Range(0, 3).All(i =>
            JsonDocument.Parse(lines[lines.Length - 3 + i]).RootElement.GetProperty("inputs").GetProperty("monthly_charges").GetDouble()
            == churn.Data["monthly_charges"].Numbers![first + i]);

    private static string[] ReadLines(string directory) =>
        Directory.Exists(directory)
            ? [.. Directory.GetFiles(directory, "predictions-*.jsonl").Order(StringComparer.Ordinal).SelectMany(ReadShared)]
            : [];

    private static IEnumerable<string> ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
