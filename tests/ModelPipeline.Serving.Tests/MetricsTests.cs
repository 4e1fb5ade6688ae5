using System.Globalization;
using System.Text.RegularExpressions;
using ModelPipeline.Serving.Tests.Support;

namespace ModelPipeline.Serving.Tests;

[Collection(ChurnServerCollection.Name)]
public sealed partial class MetricsTests(ChurnServer churn)
{
    [Fact]
    public async Task Metrics_IsPrometheusTextWithATypeForEveryFamily()
    {
        using var response = await churn.Client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var typed = new HashSet<string>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.Contains(parts[3], (string[])["counter", "gauge", "histogram"]);
                typed.Add(parts[2]);
                continue;
            }

            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                continue;
            }

            var sample = SampleLine().Match(line);
            Assert.True(sample.Success, $"not a Prometheus sample line: {line}");
            var name = sample.Groups["name"].Value;
            var family = Regex.Replace(name, "_(bucket|sum|count)$", string.Empty);
            Assert.True(typed.Contains(name) || typed.Contains(family), $"no # TYPE before {name}");
            Assert.Contains("model_version=\"1.2.0\"", sample.Groups["labels"].Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Metrics_CountsRequestsRowsAndPredictions()
    {
        var before = Parse(await churn.Client.GetStringAsync("/metrics"));
        await churn.Client.GetAsync("/ping");
        await churn.Client.GetAsync("/ping");
        var names = churn.Model.Schema.Inputs.Select(i => i.Name).ToArray();
        var (status, body) = await Scoring.PostAsync(churn.Client, RequestBodies.Split(churn.Data, [0, 1, 2, 3, 4], names));
        await Scoring.PostAsync(churn.Client, "{\"inputs\": []}");
        var after = Parse(await churn.Client.GetStringAsync("/metrics"));

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        double Delta(string series) => after.GetValueOrDefault(series) - before.GetValueOrDefault(series);
        const string Model = "pipeline=\"churn\",model_version=\"1.2.0\"";
        Assert.Equal(2, Delta($"modelpipeline_requests_total{{{Model},route=\"/ping\",status=\"200\"}}"));
        Assert.Equal(1, Delta($"modelpipeline_requests_total{{{Model},route=\"/invocations\",status=\"200\"}}"));
        Assert.Equal(1, Delta($"modelpipeline_requests_total{{{Model},route=\"/invocations\",status=\"400\"}}"));
        Assert.Equal(2, Delta($"modelpipeline_request_duration_seconds_count{{{Model},route=\"/invocations\"}}"));
        Assert.Equal(5, Delta($"modelpipeline_rows_scored_total{{{Model}}}"));
        var predicted = body.GetProperty("predictions").EnumerateArray().Select(p => p.GetRawText()).ToArray();
        Assert.Equal(predicted.Count(p => p == "1"), Delta($"modelpipeline_predictions_total{{{Model},class=\"1\"}}"));
        Assert.Equal(predicted.Count(p => p == "0"), Delta($"modelpipeline_predictions_total{{{Model},class=\"0\"}}"));
        Assert.Equal(5, Delta($"modelpipeline_positive_score_count{{{Model}}}"));
        var tenure = Enumerable.Range(0, 5).Sum(r => churn.Data["tenure"].Numbers![r]);
        Assert.Equal(tenure, Delta($"modelpipeline_feature_sum{{{Model},feature=\"tenure\"}}"), 9);
        Assert.Equal(5, Delta($"modelpipeline_feature_present_total{{{Model},feature=\"tenure\"}}"));
        var monthToMonth = Enumerable.Range(0, 5).Count(r => churn.Data["contract"].GetText(r) == "Month-to-month");
        Assert.Equal(monthToMonth, Delta($"modelpipeline_feature_level_total{{{Model},feature=\"contract\",level=\"Month-to-month\"}}"));
        Assert.Equal(1, after[$"modelpipeline_model_info{{{Model},sha256=\"{File.ReadAllText(Path.Combine(churn.ModelDirectory, "model.json")).Split("\"sha256\":\"")[1][..64]}\",task=\"binary\"}}"]);
    }

    private static Dictionary<string, double> Parse(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith('#'))
            .ToDictionary(l => l[..l.LastIndexOf(' ')], l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*)\})? (-?[0-9.eE+-]+|\+Inf|-Inf|NaN)$""")]
    private static partial Regex SampleLine();
}
