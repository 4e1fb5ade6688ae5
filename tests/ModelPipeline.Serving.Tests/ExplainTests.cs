using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using ModelPipeline.Serving.Input;
using ModelPipeline.Serving.Tests.Support;

namespace ModelPipeline.Serving.Tests;

/// <summary>
/// <c>"params": {"explain": true}</c> on /invocations (issue 17): the answer carries the model's exact attributions;
/// a request that does not ask gets the plain answer; a malformed flag is a 400 naming it.
/// </summary>
[Collection(ChurnServerCollection.Name)]
public sealed class ExplainTests(ChurnServer churn)
{
    private string[] InputNames => [.. churn.Model.Schema.Inputs.Select(i => i.Name)];

    [Fact]
    public async Task Invocations_ExplainTrue_AnswersEachRowsContributionsAsTheModelGivesThem()
    {
        int[] rows = [.. Enumerable.Range(0, 12)];
        var body = WithParams(RequestBodies.Split(churn.Data, rows, InputNames), """{"explain": true}""");

        var (status, answer) = await Scoring.PostAsync(churn.Client, body);

        Assert.Equal(HttpStatusCode.OK, status);
        var expected = churn.Model.Explain(churn.Data.Take(rows));
        var explanations = answer.GetProperty("explanations");
        Assert.Equal(expected.Inputs, explanations.GetProperty("inputs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["1"], explanations.GetProperty("outputs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(expected.BaseValues[0], explanations.GetProperty("base_values")[0].GetDouble());
        var contributions = explanations.GetProperty("contributions");
        Assert.Equal(rows.Length, contributions.GetArrayLength());
        for (var row = 0; row < rows.Length; row++)
        {
            var answered = contributions[row][0].EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.Equal(expected.Row(row, 0).ToArray(), answered);

            // base value + contributions = log-odds of the answered probability.
            var probability = answer.GetProperty("probabilities")[row][1].GetDouble();
            Assert.Equal(Math.Log(probability / (1 - probability)), expected.BaseValues[0] + answered.Sum(), 1e-6);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("""{"explain": false}""")]
    [InlineData("""{"temperature": 0.5}""")]
    public async Task Invocations_NotAskingToExplain_PlainAnswer(string? parameters)
    {
        var split = RequestBodies.Split(churn.Data, [0, 1], InputNames);
        var body = parameters is null ? split : WithParams(split, parameters);

        var (status, answer) = await Scoring.PostAsync(churn.Client, body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(answer.TryGetProperty("explanations", out _));
        Assert.Equal(2, answer.GetProperty("predictions").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"explain": "yes"}""", "INVALID_PARAMETER_VALUE", "'params.explain' must be true or false; got \"yes\".")]
    [InlineData("""[true]""", "BAD_REQUEST", "'params' must be an object of inference parameters")]
    public async Task Invocations_MalformedExplainFlag_400NamingIt(string parameters, string code, string message)
    {
        var body = WithParams(RequestBodies.Split(churn.Data, [0], InputNames), parameters);

        var (status, answer) = await Scoring.PostAsync(churn.Client, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, answer.GetProperty("error_code").GetString());
        Assert.Contains(message, answer.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("""{"explain": true}""", true)]
    [InlineData("""{"explain": false}""", false)]
    [InlineData("""{"other": 1}""", false)]
    public void LargeBody_ReadRowByRow_ReadsTheExplainFlagAsTheSmallBodyPathDoes(string parameters, bool expected)
    {
        var body = Encoding.UTF8.GetBytes(WithParams(RequestBodies.Split(churn.Data, [.. Enumerable.Range(0, 50)], InputNames), parameters));
        var catalog = new InputCatalog(churn.Model.Schema);

        var streamed = JsonScoringRequest.Read(new ReadOnlySequence<byte>(body), catalog, streamAbove: 0, out var streamedExplain);
        var whole = JsonScoringRequest.Read(new ReadOnlySequence<byte>(body), catalog, streamAbove: long.MaxValue, out var wholeExplain);

        Assert.Equal(expected, streamedExplain);
        Assert.Equal(expected, wholeExplain);
        Assert.Equal(whole.RowCount, streamed.RowCount);
    }

    /// <summary>The body with a top-level "params" member placed before the data (either order is valid JSON).</summary>
    private static string WithParams(string body, string parameters)
    {
        return "{\"params\": " + parameters + ", " + body.TrimStart()[1..];
    }
}
