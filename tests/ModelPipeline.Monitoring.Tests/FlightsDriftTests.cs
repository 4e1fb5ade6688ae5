using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.Monitoring.Tests;

/// <summary>
/// The case of tests/data/README.md: between Q1 and Q2 the inputs barely move but the delay rate falls 21.5% →
/// 18.4% and a Q1 model loses ~0.05 AUC. A Q1 champion monitored on Q2 must report no input drift, label drift and
/// decay. Measured here (40 boosting rounds on 20,000 Q1 rows of scikit-learn's split): auc 0.648 on the Q1 holdout -> 0.638
/// on Q2, so the allowed drop is 0.005 (README's -0.05 is a full-size HGB that also uses month). month is left out of the model (Q2 months never occur in Q1: it would drift by construction) and date is a sort key.
/// </summary>
public sealed class FlightsDriftTests
{
    private static readonly CsvReadOptions Options = new() { Ignore = ["date", "month"] };

    [Fact]
    public void Detect_Q1ChampionOnQ2_NoInputDriftButLabelDriftAndDecay()
    {
        var q1 = TestData.Read("flights_q1_sample.csv", Options);
        var q2 = TestData.Read("flights_q2_sample.csv", Options);
        var (train, holdout) = FrameSplit.TrainHoldout(q1, 0.2, 42, "delayed");
        var spec = new TrainingSpec(TaskKind.Binary, "delayed", new Dictionary<string, string> { ["max_iterations"] = "40" }) { TrainerType = "gradient_boosting" };
        var trainFrame = q1.Take(TestData.Subset(train, 20_000, 1));
        var champion = ModelTrainer.Fit(trainFrame, spec);
        var profile = ReferenceProfile.Build(trainFrame, champion, q1.Take(holdout));

        var result = DriftDetector.Detect(profile, champion, q2, new DriftRules { DecayMetric = "auc", MaxDrop = 0.005 });

        Console.WriteLine(result.Verdict);
        Assert.True(result.DriftedFeatures == 0, result.Verdict);
        Assert.False(result.DatasetDrift);
        // "Barely move": far below the 0.1 drift threshold. 0.03, not less: origin and destination (~229 airports each)
        // measure 0.021-0.022 on these 20,000 rows, the sampling floor of a Jensen-Shannon distance over that many levels.
        Assert.All(result.Features, f => Assert.True(f.Statistic < 0.03, $"{f.Name} {f.MethodName} {f.Statistic}"));
        Assert.True(result.Label!.Drifted, result.Verdict);
        Assert.InRange(result.Label.ReferenceRate, 0.21, 0.22);
        Assert.InRange(result.Label.CurrentRate, 0.18, 0.19);
        Assert.True(result.Decay!.Decayed, result.Verdict);
        Assert.True(result.Decay.Upper < result.Decay.Reference, result.Verdict);
        Assert.True(result.RetrainRecommended);
        Assert.StartsWith("no input drift (0/7 features); no prediction drift; label drift (0.21", result.Verdict);
        Assert.EndsWith("-> retrain", result.Verdict);
    }
}
