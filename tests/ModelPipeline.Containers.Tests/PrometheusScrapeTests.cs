using System.Text;
using ModelPipeline.Containers.Images;
using ModelPipeline.Containers.Publishing;
using ModelPipeline.Containers.Smoke;
using ModelPipeline.Containers.Tests.Support;
using ModelPipeline.Data;
using ModelPipeline.Serving.Model;
using ModelPipeline.Training;

namespace ModelPipeline.Containers.Tests;

/// <summary>
/// The model server's image running in the real engine, scraped by a real Prometheus: what a user's monitoring sees
/// (requests by route and status, rows scored, the model version as a label) after some scoring traffic.
/// </summary>
[Collection(ContainerServicesCollection.Name)]
public sealed class PrometheusScrapeTests(ContainerServices services) : IDisposable
{
    private const string Version = "1.4.0";

    private const string TwoRows = """
        {"dataframe_split":{"columns":["female","senior_citizen","partner","dependents","tenure","phone_service","multiple_lines",
        "internet_service","online_security","online_backup","device_protection","tech_support","streaming_tv","streaming_movies",
        "contract","paperless_billing","payment_method","monthly_charges","total_charges"],
        "data":[[1,0,1,0,1,0,"No phone service","DSL","No","Yes","No","No","No","No","Month-to-month",1,"Electronic check",29.85,29.85],
        [0,0,0,0,34,1,"No","DSL","Yes","No","Yes","No","No","No","One year",0,"Mailed check",56.95,1889.5]]}}
        """;

    private readonly string _modelDirectory = Directory.CreateTempSubdirectory("modelpipeline-scrape-model-").FullName;

    [Fact]
    public async Task RunningContainer_ScrapedByPrometheus_ReportsRequestsRowsAndModelVersion()
    {
        services.RequireRegistry();
        if (!PrometheusServer.Require())
        {
            return;
        }

        var frame = CsvFrameReader.Read(TestData.PathOf("churn.csv"));
        var model = ModelTrainer.Fit(frame, new TrainingSpec(TaskKind.Binary, "churn", new Dictionary<string, string>()) { Threads = 2 });
        var manifest = ServedModel.WriteDirectory(_modelDirectory, model.ToBytes(), new ModelManifest("churn", Version, ""));
        var publish = await ServerPublisher.PublishAsync(RepositoryRoot.Path, Path.Combine(RepositoryRoot.Path, ".tmp", "server-publish"));
        var image = await new EngineImageBuilder(services.Engine).BuildAsync(new ImageBuildRequest
        {
            Tag = $"{ContainerServices.Namespace}/churn-server:scrape",
            ServerDirectory = publish.Directory,
            ModelDirectory = _modelDirectory,
        });
        await using var container = await RunningContainer.RunAsync(services.Engine, image.Reference, 8080, hostNetwork: true, TimeSpan.FromSeconds(60));
        using (var http = new HttpClient { BaseAddress = container.Address })
        {
            for (var i = 0; i < 3; i++)
            {
                using var scored = await http.PostAsync("invocations", new StringContent(TwoRows, Encoding.UTF8, "application/json"));
                Assert.Equal(200, (int)scored.StatusCode);
            }

            using var refused = await http.PostAsync("invocations", new StringContent("""{"dataframe_split":""", Encoding.UTF8, "application/json"));
            Assert.Equal(400, (int)refused.StatusCode);
        }

        await using var prometheus = await PrometheusServer.StartAsync($"127.0.0.1:{container.HostPort}");

        var rows = Assert.Single(await prometheus.WaitForAsync("modelpipeline_rows_scored_total"));
        Assert.Equal("6", rows!["value"]![1]!.GetValue<string>());
        Assert.Equal(Version, rows["metric"]!["model_version"]!.GetValue<string>());
        Assert.Equal("churn", rows["metric"]!["pipeline"]!.GetValue<string>());
        Assert.Equal(PrometheusServer.Job, rows["metric"]!["job"]!.GetValue<string>());
        var ok = Assert.Single(await prometheus.QueryAsync("""modelpipeline_requests_total{route="/invocations",status="200"}"""));
        Assert.Equal("3", ok!["value"]![1]!.GetValue<string>());
        Assert.Equal(Version, ok["metric"]!["model_version"]!.GetValue<string>());
        var bad = Assert.Single(await prometheus.QueryAsync("""modelpipeline_requests_total{route="/invocations",status="400"}"""));
        Assert.Equal("1", bad!["value"]![1]!.GetValue<string>());
        var info = Assert.Single(await prometheus.QueryAsync("modelpipeline_model_info"));
        Assert.Equal(manifest.Sha256, info!["metric"]!["sha256"]!.GetValue<string>());
        var up = Assert.Single(await prometheus.QueryAsync($$"""up{job="{{PrometheusServer.Job}}"}"""));
        Assert.Equal("1", up!["value"]![1]!.GetValue<string>());
    }

    public void Dispose() => Directory.Delete(_modelDirectory, recursive: true);
}
