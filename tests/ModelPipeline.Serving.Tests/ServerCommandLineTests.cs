using ModelPipeline.Serving.Hosting;

namespace ModelPipeline.Serving.Tests;

public sealed class ServerCommandLineTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Parse_Nothing_Defaults()
    {
        var options = ServerCommandLine.Parse([], Env());

        Assert.Equal(8080, options.Port);
        Assert.Equal(64L * 1024 * 1024, options.MaxBodyBytes);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "model"), options.ModelDirectory);
        Assert.Null(options.PredictionLogDirectory);
        Assert.Equal(RequestLogging.Errors, options.RequestLogging);
    }

    [Fact]
    public void Parse_Environment_IsUsedAndArgumentsWin()
    {
        var env = Env(("MODEL_DIR", "/m"), ("PORT", "9000"), ("MAX_BODY_BYTES", "8MiB"), ("PREDICTION_LOG_DIR", "/logs"),
            ("PREDICTION_LOG_SAMPLE_RATE", "0.25"), ("REQUEST_LOG", "false"));

        var fromEnv = ServerCommandLine.Parse([], env);
        var fromArgs = ServerCommandLine.Parse(["--port", "7000", "--max-body-bytes=1024", "--model-dir", "/other"], env);

        Assert.Equal(("/m", 9000, 8L * 1024 * 1024, "/logs", 0.25, RequestLogging.Off),
            (fromEnv.ModelDirectory, fromEnv.Port, fromEnv.MaxBodyBytes, fromEnv.PredictionLogDirectory, fromEnv.PredictionLogSampleRate, fromEnv.RequestLogging));
        Assert.Equal(("/other", 7000, 1024L), (fromArgs.ModelDirectory, fromArgs.Port, fromArgs.MaxBodyBytes));
    }

    [Theory]
    [InlineData("errors", RequestLogging.Errors)]
    [InlineData("ALL", RequestLogging.All)]
    [InlineData("true", RequestLogging.All)]
    [InlineData("off", RequestLogging.Off)]
    [InlineData("false", RequestLogging.Off)]
    public void Parse_RequestLog_Levels(string value, RequestLogging expected)
    {
        Assert.Equal(expected, ServerCommandLine.Parse(["--request-log", value], Env()).RequestLogging);
    }

    [Fact]
    public void Parse_RequestLogUnknown_NamesTheChoices()
    {
        var error = Assert.Throws<ServerOptionsException>(() => ServerCommandLine.Parse([], Env(("REQUEST_LOG", "verbose"))));

        Assert.Equal("--request-log must be errors, all or off; got 'verbose'.", error.Message);
    }

    [Fact]
    public void Parse_AspNetCoreHttpPorts_TakesTheFirst()
    {
        Assert.Equal(5001, ServerCommandLine.Parse([], Env(("ASPNETCORE_HTTP_PORTS", "5001;5002"))).Port);
    }

    [Theory]
    [InlineData("--port", "http", "--port must be a whole number from 0 to 65535; got 'http'.")]
    [InlineData("--max-body-bytes", "64XB", "--max-body-bytes must be a positive size in bytes (e.g. 67108864, 64MiB); got '64XB'.")]
    [InlineData("--prediction-log-sample-rate", "2", "--prediction-log-sample-rate must be a number from 0 to 1; got '2'.")]
    public void Parse_BadValue_OneLineNamingTheOption(string option, string value, string message)
    {
        var error = Assert.Throws<ServerOptionsException>(() => ServerCommandLine.Parse([option, value], Env()));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Parse_UnknownOption_ShowsUsage()
    {
        var error = Assert.Throws<ServerOptionsException>(() => ServerCommandLine.Parse(["--modeldir", "x"], Env()));

        Assert.StartsWith("Unknown option --modeldir. usage: ModelPipeline.Serving", error.Message);
    }
}
