using ModelPipeline.Evaluation;
using ModelPipeline.Training;

namespace ModelPipeline.Monitoring.Tests;

/// <summary>The decay interval of a big batch comes from a subset's bootstrap scaled to the batch: it must match the full bootstrap.</summary>
public sealed class DecayIntervalTests
{
    [Fact]
    public void Interval_BatchAboveTheRowLimit_MatchesTheFullBootstrapWithin15Percent()
    {
        const int rows = 200_000;
        var random = new Random(7);
        var targets = new double[rows];
        var probabilities = new double[2 * rows];
        for (var i = 0; i < rows; i++)
        {
            targets[i] = random.NextDouble() < 0.3 ? 1 : 0;
            var score = Math.Clamp((0.25 * targets[i]) + (0.5 * random.NextDouble()), 0, 1);
            probabilities[(2 * i) + 1] = score;
            probabilities[2 * i] = 1 - score;
        }

        var predictions = new Predictions(TaskKind.Binary, ["0", "1"], Array.ConvertAll(targets, _ => 0.0), probabilities);
        var evaluation = ModelEvaluator.Score(predictions, targets);
        var auc = evaluation["auc"];

        var full = DriftDetector.Interval(predictions, targets, "auc", new DriftRules { BootstrapRowLimit = int.MaxValue });
        var scaled = DriftDetector.Interval(predictions, targets, "auc", new DriftRules());

        Assert.Equal(auc, scaled.Current);
        Assert.Equal(auc, full.Current);
        Assert.InRange(auc, scaled.Lower, scaled.Upper);
        Assert.InRange(auc, full.Lower, full.Upper);
        var fullWidth = full.Upper - full.Lower;
        Assert.InRange(scaled.Upper - scaled.Lower, 0.85 * fullWidth, 1.15 * fullWidth);
        Assert.InRange(scaled.Lower, full.Lower - (0.15 * fullWidth), full.Lower + (0.15 * fullWidth));
    }
}
