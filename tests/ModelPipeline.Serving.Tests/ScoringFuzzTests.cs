using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ModelPipeline.Serving.Tests.Support;

namespace ModelPipeline.Serving.Tests;

/// <summary>
/// Mutated scoring bodies (every JSON format and CSV) posted to /invocations: the server answers 200 with predictions
/// or a 4xx with MLflow's error body (error_code and message); never a 5xx, a non-JSON answer or no answer. The
/// server is this class's own, so the fuzz's requests do not reach the metrics and prediction log other tests read.
/// </summary>
[Trait("Category", FuzzCases.Category)]
public sealed class ScoringFuzzTests(ChurnServer churn) : IClassFixture<ChurnServer>
{
    private string[] InputNames => [.. churn.Model.Schema.Inputs.Select(i => i.Name)];

    [Fact]
    public void Json_MutatedBodies_AnswerPredictionsOrAClearError()
    {
        int[] rows = [0, 1, 2];
        byte[][] seeds =
        [
            Encoding.UTF8.GetBytes(RequestBodies.Split(churn.Data, rows, InputNames)),
            Encoding.UTF8.GetBytes(RequestBodies.Records("dataframe_records", churn.Data, rows, InputNames)),
            Encoding.UTF8.GetBytes(RequestBodies.Columns("inputs", churn.Data, rows, InputNames)),
            Encoding.UTF8.GetBytes(RequestBodies.Rows("instances", churn.Data, rows, InputNames)),
        ];

        FuzzCases.Run(seeds, (body, _) => Post(body, "application/json"), _ => false);
    }

    [Fact]
    public void Csv_MutatedBodies_AnswerPredictionsOrAClearError()
    {
        byte[][] seeds = [Encoding.UTF8.GetBytes(RequestBodies.Csv(churn.Data, [0, 1, 2, 3], InputNames))];

        FuzzCases.Run(seeds, (body, _) => Post(body, "text/csv"), _ => false);
    }

    /// <summary>Fuzz case 3 (JSON seeds): an invalid UTF-8 byte inside a string value was a 500.</summary>
    [Fact]
    public async Task Json_InvalidUtf8InsideAString_Is400()
    {
        var json = Encoding.UTF8.GetBytes(RequestBodies.Records("dataframe_records", churn.Data, [0], InputNames).Replace("Month-to-month", "Month-to-month\u00e9"));
        var at = Array.IndexOf(json, (byte)'M');
        json[at] = 0xC3; // a lead byte followed by an ASCII letter: invalid UTF-8
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");

        using var response = await churn.Client.PostAsync("/invocations", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the body is not valid UTF-8 text", await response.Content.ReadAsStringAsync());
    }

    private void Post(byte[] body, string contentType)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = churn.Client.PostAsync("/invocations", content).GetAwaiter().GetResult();
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return;
        }

        if (status is < 400 or >= 500)
        {
            throw new InvalidOperationException($"status {status}: {text}");
        }

        using var answer = JsonDocument.Parse(text);
        if (!answer.RootElement.TryGetProperty("error_code", out _) ||
            answer.RootElement.GetProperty("message").GetString() is not { Length: > 0 })
        {
            throw new InvalidOperationException($"status {status} without MLflow's error body: {text}");
        }
    }
}
