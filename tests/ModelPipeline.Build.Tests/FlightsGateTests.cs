using System.Text.Json;
using ModelPipeline.Registry;

namespace ModelPipeline.Build.Tests;

/// <summary>
/// The real drift case through the targets: a champion trained on 2001 Q1 flights, then the data file replaced with
/// Q2: the gate scores both models on the same Q2 holdout and promotes the Q2 challenger (a minor bump: data changed).
/// The flights YAML lives here, not in pipelines/: its 100k-row samples are test data (tests/data/, gzip-compressed),
/// not an example pipeline.
/// </summary>
public sealed class FlightsGateTests
{
    private const string FlightsYaml = """
        name: flights
        description: US domestic flights 2001, delayed at arrival (sampled quarters, tests/data/README.md)
        task: binary

        data:
          files: [data/flights_q1_sample.csv]
          label: delayed
          positive_class: "1"
          ignore: [date]

        split:
          holdout: 0.2
          seed: 42
          stratify: true

        features:
          impute: { numeric: median, categorical: most_frequent }
          scale: standard
          one_hot: { max_categories: 100 }

        trainer:
          type: logistic_regression
          params: { l2: 1.0, max_iterations: 200 }

        gate:
          primary_metric: auc
          thresholds: { auc: ">= 0.60" }
          min_improvement: 0.0
          fail_on_reject: false

        push:
          registry: 127.0.0.1:5000
          repository: modelpipeline/flights
          tags: [version, champion]
        """;

    [Fact]
    public void CompareWithChampion_Q1ChampionThenQ2Data_PromotesTheQ2Challenger()
    {
        using var workspace = new PipelineWorkspace();
        File.WriteAllText(Path.Combine(workspace.Root, "pipelines", "flights.yaml"), FlightsYaml);
        var data = Path.Combine(workspace.Root, "data", "flights_q1_sample.csv");
        File.WriteAllLines(data, TestData.Lines("flights_q1_sample.csv"));

        var (exit, output) = workspace.Build("CompareWithChampion", "--pipeline", "flights");
        Assert.True(exit == 0, output);
        var registry = ModelRegistry.Open(workspace.Models, "flights");
        Assert.Equal("1.0.0", registry.Champion?.Version);
        var q1Auc = registry.Champion!.Metrics["auc"];
        Assert.True(q1Auc >= 0.60, $"Q1 auc {q1Auc}");

        // Same file name, Q2 content: only the data hash changes.
        File.WriteAllLines(data, TestData.Lines("flights_q2_sample.csv"));
        (exit, output) = workspace.Build("CompareWithChampion", "--pipeline", "flights");
        Assert.True(exit == 0, output);

        registry = ModelRegistry.Open(workspace.Models, "flights");
        Assert.Equal(["1.0.0", "1.1.0"], registry.ListVersions().Select(v => v.Version));
        Assert.Equal("1.1.0", registry.Champion?.Version);
        using var decision = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace.Root, "artifacts", "flights", "decision.json")));
        var verdict = decision.RootElement.EnumerateObject().First(p => p.Name.Equals("verdict", StringComparison.OrdinalIgnoreCase)).Value.GetString();
        Assert.Contains("vs champion", verdict);
        Assert.StartsWith("promoted", verdict);
    }
}
