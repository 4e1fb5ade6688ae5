using ModelPipeline.Data;
using ModelPipeline.Testing;
using ModelPipeline.Training;

namespace ModelPipeline.Monitoring.Tests;

/// <summary>Mutated profile.json files: a profile, or a <see cref="MonitoringException"/> naming the file; nothing else.</summary>
[Trait("Category", FuzzCases.Category)]
public sealed class ProfileFuzzTests
{
    [Fact]
    public void ProfileJson_MutatedFiles_LoadOrNameTheFile()
    {
        var churn = Frames.Churn();
        var (train, holdout) = FrameSplit.TrainHoldout(churn, 0.2, 42, "churn");
        var spec = new TrainingSpec(TaskKind.Binary, "churn", new Dictionary<string, string>()) { TrainerType = "logistic_regression" };
        var model = ModelTrainer.Fit(churn.Take(train), spec);
        byte[][] seeds = [ReferenceProfile.Build(churn.Take(train), model, churn.Take(holdout)).ToJsonBytes()];

        FuzzCases.Run(
            seeds,
            (input, _) => ReferenceProfile.FromJson(input, "1.0.0/profile.json"),
            error => error is MonitoringException { Message: var message } && message.StartsWith("1.0.0/profile.json", StringComparison.Ordinal));
    }
}
