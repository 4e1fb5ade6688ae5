using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.Evaluation.Tests;

/// <summary>Global importance on holdout rows (issue 17): which inputs a model relies on, for any model kind.</summary>
public sealed class PermutationImportanceTests
{
    [Theory]
    [InlineData("gradient_boosting")]
    [InlineData("logistic_regression")]
    public void Compute_LabelMadeFromOneInput_ThatInputMatters_TheOthersDoNot(string trainer)
    {
        var (train, holdout) = (Synthetic(4_000, seed: 1), Synthetic(2_000, seed: 2));
        var model = ModelTrainer.Fit(train, new TrainingSpec(TaskKind.Binary, "label", new Dictionary<string, string>()) { TrainerType = trainer });

        var importance = PermutationImportance.Compute(model, holdout, MetricNames.Auc, seed: 42);

        Assert.Equal(["colour", "noise", "signal"], importance.Select(f => f.Input).Order());
        Assert.Equal("signal", importance[0].Input);
        var signal = importance[0];
        Assert.InRange(signal.Permutation, 0.25, 0.5);
        Assert.True(signal.PermutationSpread < 0.05, $"spread {signal.PermutationSpread}");
        Assert.All(importance.Skip(1), f => Assert.InRange(f.Permutation, -0.02, 0.02));
        Assert.All(importance, f => Assert.NotNull(f.MeanAbsoluteContribution));
        Assert.True(signal.MeanAbsoluteContribution > 5 * importance.Skip(1).Max(f => f.MeanAbsoluteContribution!.Value));
    }

    [Fact]
    public void Compute_SameModelTwiceOrOnOneThread_SameFigures_KindWithoutAttributionsHasNone()
    {
        var (train, holdout) = (Synthetic(3_000, seed: 3), Synthetic(1_500, seed: 4));
        var model = ModelTrainer.Fit(train, new TrainingSpec(TaskKind.Binary, "label", new Dictionary<string, string>()) { TrainerType = "gradient_boosting" });

        var first = PermutationImportance.Compute(model, holdout, MetricNames.LogLoss, seed: 7, maxRows: 1_000);
        var again = PermutationImportance.Compute(model, holdout, MetricNames.LogLoss, seed: 7, maxRows: 1_000, threads: 1);
        var opaque = PermutationImportance.Compute(new OpaqueModel(model), holdout, MetricNames.LogLoss, seed: 7, maxRows: 1_000);

        Assert.Equal(first, again);
        Assert.Equal(first.Select(f => (f.Input, f.Permutation, f.PermutationSpread)), opaque.Select(f => (f.Input, f.Permutation, f.PermutationSpread)));
        Assert.All(opaque, f => Assert.Null(f.MeanAbsoluteContribution));
        Assert.True(first[0].Permutation > 0.1, "log_loss is lower-is-better: a shuffled signal is a positive loss");
    }

    /// <summary>label = signal &gt; 0, flipped on 10% of rows; noise and colour are unrelated to it.</summary>
    private static Frame Synthetic(int rows, int seed)
    {
        var random = new Random(seed);
        var signal = new double[rows];
        var noise = new double[rows];
        var colour = new int[rows];
        var label = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            signal[i] = (random.NextDouble() * 2) - 1;
            noise[i] = random.NextDouble();
            colour[i] = random.Next(3);
            label[i] = (signal[i] > 0) ^ (random.NextDouble() < 0.1) ? 1 : 0;
        }

        return new Frame([Column.Numeric("signal", signal), Column.Numeric("noise", noise), Column.Categorical("colour", colour, ["red", "green", "blue"]), Column.Numeric("label", label)]);
    }

    /// <summary>A model of another kind: predicts as the built-in one, gives no attributions (the interface's default).</summary>
    private sealed class OpaqueModel(TrainedModel inner) : IScoringModel
    {
        public string Kind => "opaque";

        public ModelSchema Schema => inner.Schema;

        public string TrainerType => inner.TrainerType;

        public IReadOnlyDictionary<string, string> Parameters => inner.Parameters;

        public IReadOnlyDictionary<string, string> Framework => inner.Framework;

        public Predictions Predict(Frame frame, int? threads) => inner.Predict(frame, threads);

        public byte[] ToBytes() => inner.ToBytes();
    }
}
