using System.Net;
using System.Text;
using System.Text.Json;
using ModelPipeline.Serving.Hosting;

namespace ModelPipeline.Serving.MLNet.Tests;

/// <summary>
/// An ML.NET model behind the same server as built-in models (what ModelPipeline.Serving.MLNet runs): the same
/// answers as the in-process model, the same validation and error bodies, /metrics and the prediction log.
/// </summary>
public sealed class MLNetServingTests(ChurnMLNetModel churn) : IClassFixture<ChurnMLNetModel>
{
    private static readonly int[] Rows = [.. Enumerable.Range(0, 25)];

    [Fact]
    public async Task Invocations_MLNetModel_AnswersAsTheInProcessModel()
    {
        var missing = Enumerable.Range(0, churn.Data.RowCount).Where(churn.Data["total_charges"].IsMissing).Take(3);
        int[] rows = [.. Rows, .. missing];
        await using var server = await StartAsync();

        var (status, answer) = await PostAsync(server, churn.Body(rows, [.. churn.InputNames.Reverse(), "churn"]));

        Assert.Equal(HttpStatusCode.OK, status);
        var expected = churn.Model.Predict(churn.Data.Take(rows), null);
        var predictions = answer.GetProperty("predictions");
        Assert.Equal(rows.Length, predictions.GetArrayLength());
        for (var row = 0; row < rows.Length; row++)
        {
            Assert.Equal(expected.Label(row), predictions[row].GetRawText());
            Assert.Equal(expected.Probabilities![(2 * row) + 1], answer.GetProperty("probabilities")[row][1].GetDouble(), 12);
        }
    }

    [Fact]
    public async Task Invocations_MissingColumn_SameErrorBodyAsTheBuiltInServer()
    {
        await using var server = await StartAsync();

        var (status, answer) = await PostAsync(server, churn.Body(Rows, [.. churn.InputNames.Where(n => n != "tenure")]));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_PARAMETER_VALUE", answer.GetProperty("error_code").GetString());
        Assert.Contains("tenure", answer.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invocations_ExplainOnAnMLNetModel_400NamingTheModelKind()
    {
        await using var server = await StartAsync();
        var body = churn.Body(Rows, churn.InputNames);

        var (status, answer) = await PostAsync(server, "{\"params\": {\"explain\": true}, " + body.TrimStart()[1..]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_PARAMETER_VALUE", answer.GetProperty("error_code").GetString());
        Assert.StartsWith("'params.explain' cannot be answered: a model of kind 'mlnet' (mlnet:", answer.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Metrics_AfterScoring_CountRowsAndClassesWithTheModelsLabels()
    {
        await using var server = await StartAsync();
        await PostAsync(server, churn.Body(Rows, churn.InputNames));

        var metrics = await server.Client.GetStringAsync("/metrics");

        Assert.Contains("modelpipeline_rows_scored_total{pipeline=\"churn-mlnet\",model_version=\"1.0.0\"} 25", metrics, StringComparison.Ordinal);
        Assert.Contains("modelpipeline_predictions_total{pipeline=\"churn-mlnet\",model_version=\"1.0.0\",class=\"1\"}", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PredictionLog_MLNetModel_WritesEveryScoredRow()
    {
        var logDirectory = Directory.CreateTempSubdirectory("mp-mlnet-predictions-").FullName;
        try
        {
            await using (var server = await StartAsync(logDirectory))
            {
                await PostAsync(server, churn.Body(Rows, churn.InputNames));
            }

            var lines = Directory.EnumerateFiles(logDirectory).SelectMany(File.ReadLines).Where(l => l.Length > 0).ToArray();
            Assert.Equal(Rows.Length, lines.Length);
            Assert.All(lines, l => Assert.Contains("\"tenure\"", l, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(logDirectory, recursive: true);
        }
    }

    private async Task<Running> StartAsync(string? predictionLog = null)
    {
        var app = ModelServer.Create(new ServerOptions
        {
            ModelDirectory = churn.Directory,
            Host = "127.0.0.1",
            Port = 0,
            Log = TextWriter.Null,
            PredictionLogDirectory = predictionLog,
        });
        await app.StartAsync();
        return new Running(app);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(Running server, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await server.Client.PostAsync("/invocations", content);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }

    private sealed class Running(Microsoft.AspNetCore.Builder.WebApplication app) : IAsyncDisposable
    {
        public HttpClient Client { get; } = new() { BaseAddress = new Uri(ModelServer.Address(app)) };

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
