using System.Net;
using System.Text;
using ModelPipeline.Serving.Hosting;
using ModelPipeline.Serving.Tests.Support;

namespace ModelPipeline.Serving.Tests;

[Collection(ChurnServerCollection.Name)]
public sealed class InvocationErrorsTests(ChurnServer churn)
{
    private string[] InputNames => [.. churn.Model.Schema.Inputs.Select(i => i.Name)];

    [Fact]
    public async Task Invocations_MissingColumns_400NamesThem()
    {
        var columns = InputNames.Where(n => n is not ("tenure" or "contract")).ToArray();

        var (status, body) = await Scoring.PostAsync(churn.Client, RequestBodies.Split(churn.Data, [0, 1], columns));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_PARAMETER_VALUE", body.GetProperty("error_code").GetString());
        Assert.Equal(
            "Model is missing inputs ['tenure', 'contract']. GET /model lists the 19 inputs it needs; extra columns are ignored.",
            body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Invocations_TextInNumericColumn_400NamesRowAndColumn()
    {
        var json = RequestBodies.Records("dataframe_records", churn.Data, [0, 1, 2], InputNames);
        var third = json.LastIndexOf("\"tenure\":", StringComparison.Ordinal);
        var end = json.IndexOf(',', third);
        json = json[..third] + "\"tenure\":\"abc\"" + json[end..];

        var (status, body) = await Scoring.PostAsync(churn.Client, json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_PARAMETER_VALUE", body.GetProperty("error_code").GetString());
        Assert.Equal("row 3, column 'tenure': expected a number, got \"abc\"", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Invocations_CsvTextInNumericColumn_400NamesRowAndColumn()
    {
        var csv = RequestBodies.Csv(churn.Data, [0, 1], InputNames).Split('\n');
        var header = csv[0].Split(',');
        var cells = csv[2].Split(',');
        cells[Array.IndexOf(header, "monthly_charges")] = "lots";

        var (status, body) = await Scoring.PostAsync(churn.Client, $"{csv[0]}\n{csv[1]}\n{string.Join(',', cells)}\n", "text/csv");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("row 2, column 'monthly_charges': expected a number, got \"lots\"", body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("""{"dataframe_records": []}""")]
    [InlineData("""{"dataframe_split": {"columns": ["tenure"], "data": []}}""")]
    [InlineData("""{"inputs": []}""")]
    public async Task Invocations_NoRows_400BadRequest(string json)
    {
        var (status, body) = await Scoring.PostAsync(churn.Client, json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BAD_REQUEST", body.GetProperty("error_code").GetString());
        Assert.Equal("The input has no rows.", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Invocations_EmptyCsv_400BadRequest()
    {
        var (status, body) = await Scoring.PostAsync(churn.Client, string.Join(',', InputNames) + "\n", "text/csv");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The input has no rows.", body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{\"dataframe_records\": [{\"tenure\": 1,}]")]
    [InlineData("")]
    public async Task Invocations_MalformedJson_400BadRequest(string json)
    {
        var (status, body) = await Scoring.PostAsync(churn.Client, json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BAD_REQUEST", body.GetProperty("error_code").GetString());
        Assert.StartsWith("Failed to parse input from JSON. Ensure that input is a valid JSON formatted string.", body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("""{"dataframe_records": [], "inputs": []}""", "Received dictionary with input fields: ['dataframe_records', 'inputs'].")]
    [InlineData("""{"data": [[1]]}""", "Received dictionary with input fields: ['data'].")]
    [InlineData("""[{"tenure": 1}]""", "Received a list.")]
    public async Task Invocations_NotExactlyOneInputField_400BadRequest(string json, string ending)
    {
        var (status, body) = await Scoring.PostAsync(churn.Client, json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BAD_REQUEST", body.GetProperty("error_code").GetString());
        Assert.Equal(
            "The input must be a JSON dictionary with exactly one of the input fields {'dataframe_split', 'dataframe_records', 'instances', 'inputs'}. " + ending,
            body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("""{"inputs": {"tenure": [1, 1e400]}}""", "row 2, column 'tenure': expected a number, got 1e400 (out of range)")]
    [InlineData("""{"inputs": {"tenure": [{"a": 1}]}}""", "row 1, column 'tenure': expected a number, got an object")]
    [InlineData("""{"inputs": {"contract": [["One year"]]}}""", "row 1, column 'contract': expected text, got an array")]
    public async Task Invocations_UnusableValue_400NamesRowAndColumn(string json, string message)
    {
        var (status, body) = await Scoring.PostAsync(churn.Client, json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_PARAMETER_VALUE", body.GetProperty("error_code").GetString());
        Assert.Equal(message, body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Invocations_RowOfWrongWidth_400BadRequest()
    {
        var (status, body) = await Scoring.PostAsync(churn.Client, """{"dataframe_split": {"columns": ["tenure", "contract"], "data": [[1, "One year"], [2]]}}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("row 2 of 'dataframe_split.data' must be a list of 2 values (one per column); got a list of 1.", body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task Invocations_UnsupportedContentType_415(string contentType)
    {
        var (status, body) = await Scoring.PostAsync(churn.Client, "{}", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("BAD_REQUEST", body.GetProperty("error_code").GetString());
        Assert.Equal(
            $"This predictor only supports the following content types: ['text/csv', 'application/json'] in UTF-8. Got '{contentType}'.",
            body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Invocations_BodyOverLimit_413WithConfiguredLimit(bool chunked)
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { Model = churn.Served(), MaxBodyBytes = 4096 });
        var json = RequestBodies.Split(churn.Data, [.. Enumerable.Range(0, 200)], InputNames);
        using HttpContent content = chunked ? new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(json))) : new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await server.Client.PostAsync("/invocations", content);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("RESOURCE_LIMIT_EXCEEDED", body.GetProperty("error_code").GetString());
        Assert.Equal(
            "The request body is larger than the server's limit of 4096 bytes (--max-body-bytes / MAX_BODY_BYTES); send fewer rows per request.",
            body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Invocations_BodyUnderRaisedLimit_IsScored()
    {
        // Past the 5 MB that some servers silently cap bodies at; the default limit here is 64 MiB.
        var json = RequestBodies.Records("dataframe_records", churn.Data, [.. Enumerable.Range(0, 15000).Select(i => i % churn.Data.RowCount)], InputNames);
        Assert.True(json.Length > 5 * 1024 * 1024, $"body is only {json.Length} bytes");

        var (status, body) = await Scoring.PostAsync(churn.Client, json);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(15000, body.GetProperty("predictions").GetArrayLength());
    }

    [Fact]
    public async Task Get_Invocations_405AndUnknownRoute_404()
    {
        using var get = await churn.Client.GetAsync("/invocations");
        using var missing = await churn.Client.GetAsync("/predict");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal("POST", get.Content.Headers.Allow.Single());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("\"ENDPOINT_NOT_FOUND\"", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A stream without a known length, so HttpClient sends the body chunked.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
