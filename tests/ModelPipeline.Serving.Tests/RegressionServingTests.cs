using System.Net;
using ModelPipeline.Serving.Hosting;
using ModelPipeline.Serving.Model;
using ModelPipeline.Serving.Tests.Support;
using ModelPipeline.Training;

namespace ModelPipeline.Serving.Tests;

public sealed class RegressionServingTests
{
    [Fact]
    public async Task Invocations_RegressionModel_AnswersValuesWithoutProbabilities()
    {
        var data = TestData.Read("diabetes_progression.csv");
        var model = ModelTrainer.Fit(data, new TrainingSpec(TaskKind.Regression, "disease_progression", new Dictionary<string, string>())
        {
            TrainerType = "linear_regression",
            Threads = 1,
        });
        var served = new ServedModel(model, new ModelManifest("diabetes", "0.1.0", "n/a"));
        await using var server = await RunningServer.StartAsync(new ServerOptions { Model = served });
        int[] rows = [0, 1, 2, 3];
        var names = model.Schema.Inputs.Select(i => i.Name).ToArray();

        var (status, body) = await Scoring.PostAsync(server.Client, RequestBodies.Csv(data, rows, names), "text/csv");
        var metrics = await server.Client.GetStringAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, status);
        var expected = model.Predict(data.Take(rows));
        Assert.Equal(expected.Values, body.GetProperty("predictions").EnumerateArray().Select(p => p.GetDouble()));
        Assert.False(body.TryGetProperty("probabilities", out _));
        Assert.Contains("modelpipeline_prediction_value_count{pipeline=\"diabetes\",model_version=\"0.1.0\"} 4\n", metrics, StringComparison.Ordinal);
    }
}
