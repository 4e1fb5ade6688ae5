using System.Diagnostics;
using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.Evaluation.Tests;

/// <summary>
/// The real CompareWithChampion case: flights' label rate falls from 21.5% (Q1) to 18.4% (Q2). A champion trained
/// on Q1 and a challenger trained on Q2, both scored on the same Q2 holdout: the gate must promote the challenger.
/// scikit-learn's logistic regression on 20,000 random training rows of each (date ignored): Q1 model 0.6252 AUC on
/// the Q2 holdout, Q2 model 0.6388 (Fixtures/flights_drift_reference.py). Ours measured 0.6205 vs 0.6365; with
/// gradient boosting the gap is ~0.05 AUC (tests/data/README.md), ours measured +0.054.
/// </summary>
public sealed class FlightsDriftGateTests
{
    private const int TrainRows = 20_000;

    private static readonly CsvReadOptions WithoutDate = new() { Ignore = ["date"] };

    private static readonly Lazy<(Frame Q1, Frame Q2)> Quarters = new(() =>
        (EveryFourthRow("flights_q1_sample.csv"), TestData.Read("flights_q2_sample.csv", WithoutDate)));

    private static readonly TrainingSpec Spec = new(TaskKind.Binary, "delayed", new Dictionary<string, string>()) { TrainerType = "logistic_regression" };

    [Theory]
    [InlineData("logistic_regression")]
    [InlineData("gradient_boosting")]
    public void Decide_Q1ChampionVsQ2Challenger_PromotesChallengerSignificantly(string trainer)
    {
        // 40 boosting rounds instead of 100 keep the test quick; the Q1/Q2 gap shows all the same.
        var spec = Spec with { TrainerType = trainer, Parameters = trainer == "gradient_boosting" ? new Dictionary<string, string> { ["max_iterations"] = "40" } : Spec.Parameters };
        var reading = Stopwatch.StartNew();
        var (q1, q2) = Quarters.Value;
        var (q1Train, _) = FrameSplit.TrainHoldout(q1, 0.2, 42, "delayed");
        Assert.True(q1Train.Length >= TrainRows);
        var (q2Train, q2Holdout) = FrameSplit.TrainHoldout(q2, 0.2, 42, "delayed");
        var readSeconds = reading.Elapsed.TotalSeconds;
        var clock = Stopwatch.StartNew();
        var champion = ModelTrainer.Fit(q1.Take(TestData.Subset(q1Train, TrainRows, 1)), spec);
        var challenger = ModelTrainer.Fit(q2.Take(TestData.Subset(q2Train, TrainRows, 1)), spec);
        var holdout = q2.Take(q2Holdout);
        var gate = new PromotionGate(new GateRules
        {
            PrimaryMetric = MetricNames.Auc,
            MinImprovement = 0.005,
            Guards = new Dictionary<string, double> { [MetricNames.LogLoss] = 0.0 },
            Significance = new SignificanceRule(SignificanceTest.DeLong, Alpha: 0.05),
        });

        var decision = gate.Decide(ModelEvaluator.Evaluate(challenger, holdout), ModelEvaluator.Evaluate(champion, holdout));

        Assert.True(decision.Promote, decision.Verdict);
        Assert.InRange(decision.Improvement!.Value, 0.005, 0.10);
        Assert.True(decision.PValue < 0.01, decision.Verdict);
        Assert.Contains("log_loss guard ok", decision.Verdict);
        Assert.StartsWith("promoted: auc 0.6", decision.Verdict);
        Console.WriteLine($"{trainer}: {decision.Verdict} ({readSeconds:0.0} s to read, {clock.Elapsed.TotalSeconds:0.0} s to fit and score)");
    }

    /// <summary>Q1 only has to supply 20,000 training rows: a quarter of its rows, spread over the quarter, reads faster.</summary>
    private static Frame EveryFourthRow(string file)
    {
        var lines = TestData.Lines(file).Where((_, i) => i == 0 || i % 4 == 1);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        return CsvFrameReader.Read(stream, file, WithoutDate);
    }
}
