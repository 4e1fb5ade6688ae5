using System.Text.Json;
using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.Monitoring.Tests;

/// <summary>Profiles and drift results are the same bytes whether their parts run side by side or one after another.</summary>
public sealed class ThreadCountTests
{
    [Fact]
    public async Task BuildAndDetect_OneThreadOrAll_SameProfileForestAndResult()
    {
        var churn = Frames.Churn();
        var (train, holdout) = FrameSplit.TrainHoldout(churn, 0.3, 42, "churn");
        var spec = new TrainingSpec(TaskKind.Binary, "churn", new Dictionary<string, string>()) { TrainerType = "logistic_regression" };
        var model = ModelTrainer.Fit(churn.Take(train), spec);
        // Limits below the batch size: the decay metric is computed alone, anomalies on a spread subset.
        var rules = new DriftRules { DecayMetric = "auc", BootstrapRowLimit = 1000, AnomalyRowLimit = 3000 };
        var current = Frames.Scale(churn, "monthly_charges", 1.3);

        (byte[] Profile, byte[] Forest, string Result) Run()
        {
            var profile = ReferenceProfile.Build(churn.Take(train), model, churn.Take(holdout));
            var result = DriftDetector.Detect(profile, model, current, rules);
            return (profile.ToJsonBytes(), profile.ForestBytes!, JsonSerializer.Serialize(result));
        }

        var all = Run();
        var one = await Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.None, new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler);

        Assert.Equal(all.Profile, one.Profile);
        Assert.Equal(all.Forest, one.Forest);
        Assert.Equal(all.Result, one.Result);
        Assert.Contains("\"Decay\":{", all.Result);
        Assert.Contains("monthly_charges", JsonSerializer.Deserialize<JsonElement>(all.Result).GetProperty("Features").ToString());
    }
}
