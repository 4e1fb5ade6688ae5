using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.Monitoring.Tests;

/// <summary>churn.csv (7,043 rows): one random half is the reference, the other the current batch.</summary>
public sealed class ChurnDriftTests
{
    private static readonly Lazy<(Frame Train, Frame Holdout, Frame Other, TrainedModel Model, ReferenceProfile Profile)> Halves = new(() =>
    {
        var churn = Frames.Churn();
        var (first, second) = FrameSplit.TrainHoldout(churn, 0.5, 7, "churn");
        var half = churn.Take(first);
        var (train, holdout) = FrameSplit.TrainHoldout(half, 0.2, 42, "churn");
        var spec = new TrainingSpec(TaskKind.Binary, "churn", new Dictionary<string, string>()) { TrainerType = "logistic_regression" };
        var model = ModelTrainer.Fit(half.Take(train), spec);
        var profile = ReferenceProfile.Build(half.Take(train), model, half.Take(holdout));
        return (half.Take(train), half.Take(holdout), churn.Take(second), model, profile);
    });

    private static readonly DriftRules Rules = new() { DecayMetric = "auc", MaxDrop = 0.02 };

    [Fact]
    public void Detect_OtherRandomHalf_RaisesNoAlarm()
    {
        var (_, _, other, model, profile) = Halves.Value;

        var result = DriftDetector.Detect(profile, model, other, Rules);

        Assert.False(result.RetrainRecommended, result.Verdict);
        Assert.Equal(0, result.DriftedFeatures);
        Assert.False(result.Anomalies!.Raised, result.Verdict);
        Assert.StartsWith($"no input drift (0/{profile.Features.Count} features); no prediction drift; labels stable", result.Verdict);
        Assert.EndsWith("-> ok", result.Verdict);
    }

    [Fact]
    public void Detect_MonthlyChargesTimes13_CatchesThatFeatureAndThePredictions()
    {
        var (_, _, other, model, profile) = Halves.Value;

        var result = DriftDetector.Detect(profile, model, Frames.Scale(other, "monthly_charges", 1.3), Rules);

        var drifted = Assert.Single(result.Features, f => f.Drifted);
        Assert.Equal("monthly_charges", drifted.Name);
        Assert.Equal(DriftTest.Psi, drifted.Test);
        Assert.True(drifted.Statistic > 0.5, $"PSI {drifted.Statistic}");
        Assert.Contains("(1/", result.Verdict);
        Assert.Contains("monthly_charges", result.Verdict);
    }

    [Fact]
    public void Detect_SmallReferenceShiftedFeature_KsCatchesIt()
    {
        var (train, holdout, other, model, _) = Halves.Value;
        var small = train.Take([.. Enumerable.Range(0, 800)]);
        var profile = ReferenceProfile.Build(small, model, holdout);
        var current = other.Take([.. Enumerable.Range(0, 800)]);

        var same = DriftDetector.Detect(profile, model, current, new DriftRules());
        var shifted = DriftDetector.Detect(profile, model, Frames.Scale(current, "tenure", 1.3), new DriftRules());

        Assert.Equal(DriftTest.Ks, same.Features.Single(f => f.Name == "tenure").Test);
        Assert.False(same.Features.Single(f => f.Name == "tenure").Drifted);
        var tenure = shifted.Features.Single(f => f.Name == "tenure");
        Assert.True(tenure.Drifted, $"KS p {tenure.Statistic}");
        Assert.True(tenure.Statistic < 0.001);
    }

    [Fact]
    public void Detect_RowsFarOutside_RaisesAnomaliesAndListsThem()
    {
        var (_, _, other, model, profile) = Halves.Value;
        var rows = Enumerable.Range(0, other.RowCount).ToArray();
        var weird = Frames.Scale(other, "total_charges", 25);

        var result = DriftDetector.Detect(profile, model, weird, Rules);

        Assert.True(result.Anomalies!.Raised, result.Verdict);
        Assert.True(result.Anomalies.Rate > 0.03, result.Verdict);
        Assert.Equal(10, result.Anomalies.Top.Count);
        Assert.True(result.Anomalies.Top[0].Score >= result.Anomalies.Top[9].Score);
        Assert.Contains(result.Anomalies.Top[0].Values, v => v.Key == "total_charges");
        Assert.Equal(rows.Length, weird.RowCount);
    }

    [Fact]
    public void Build_SameInputsTwice_SameKilobyteJsonAndCompactForestThatRoundTrip()
    {
        var (train, holdout, _, model, profile) = Halves.Value;

        var again = ReferenceProfile.Build(train, model, holdout);
        var json = profile.ToJsonBytes();
        var loaded = ReferenceProfile.FromJson(json).WithForest(profile.ForestBytes!);

        Assert.Equal(json, again.ToJsonBytes());
        Assert.Equal(profile.ForestBytes, again.ForestBytes);
        Assert.Equal(json, loaded.ToJsonBytes());
        Assert.True(json.Length < 40 * 1024, $"profile.json is {json.Length} bytes");
        Assert.True(profile.ForestBytes!.Length < 100 * 1024, $"the forest is {profile.ForestBytes.Length} bytes");
        Assert.DoesNotContain("\"forest\":"u8.ToArray(), json);
        Assert.Equal(profile.LoadForest()!.ToBytes(), loaded.LoadForest()!.ToBytes());
        Assert.Equal(["0", "1"], loaded.LabelDistribution.Levels);
        Assert.Contains("auc", loaded.Metrics.Keys);
    }

    [Fact]
    public void SaveAndLoad_ForestBesideTheJson_TamperedForestRejected()
    {
        var profile = Halves.Value.Profile;
        var folder = Directory.CreateTempSubdirectory("mp-profile-").FullName;
        var path = Path.Combine(folder, "profile.json");

        profile.Save(path);
        var loaded = ReferenceProfile.Load(path);
        var forest = File.ReadAllBytes(ReferenceProfile.ForestFile(path));
        forest[^1] ^= 1;
        File.WriteAllBytes(ReferenceProfile.ForestFile(path), forest);
        var error = Assert.Throws<MonitoringException>(() => ReferenceProfile.Load(path));
        Directory.Delete(folder, recursive: true);

        Assert.Equal(profile.ForestBytes, loaded.ForestBytes);
        Assert.Contains("is not the isolation forest of this profile", error.Message);
    }

    [Fact]
    public void Load_MissingFile_SaysWhichAndWhatToRun()
    {
        var error = Assert.Throws<MonitoringException>(() => ReferenceProfile.Load("/nonexistent/profile.json"));

        Assert.Equal("no reference profile at /nonexistent/profile.json (run the Profile target for this model version)", error.Message);
    }
}
