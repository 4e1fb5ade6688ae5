using ModelPipeline.Data;
using ModelPipeline.Serving.Hosting;
using ModelPipeline.Serving.Model;
using ModelPipeline.Training;

namespace ModelPipeline.Serving.Tests.Support;

/// <summary>
/// A logistic-regression churn model trained once on the shared churn.csv, its model directory, and a server
/// loaded from that directory (prediction log at sample rate 1.0) shared by the tests of the "churn server" collection.
/// </summary>
public sealed class ChurnServer : IAsyncLifetime
{
    private RunningServer? _server;

    public Frame Data { get; private set; } = null!;

    public TrainedModel Model { get; private set; } = null!;

    public string ModelDirectory { get; private set; } = null!;

    public string PredictionLogDirectory { get; } = Path.Combine(Path.GetTempPath(), "mp-serving-tests", Guid.NewGuid().ToString("N"), "predictions");

    public HttpClient Client => _server!.Client;

    internal RunningServer Server => _server!;

    public async Task InitializeAsync()
    {
        Data = TestData.Read("churn.csv");
        Model = ModelTrainer.Fit(Data, new TrainingSpec(TaskKind.Binary, "churn", new Dictionary<string, string>()) { Threads = 2 });
        ModelDirectory = Support.ModelDirectory.Write(Model);
        _server = await RunningServer.StartAsync(new ServerOptions
        {
            ModelDirectory = ModelDirectory,
            PredictionLogDirectory = PredictionLogDirectory,
            PredictionLogSampleRate = 1.0,
        });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    internal ServedModel Served() => ServedModel.Load(ModelDirectory);
}

[CollectionDefinition(Name)]
public sealed class ChurnServerCollection : ICollectionFixture<ChurnServer>
{
    public const string Name = "churn server";
}
