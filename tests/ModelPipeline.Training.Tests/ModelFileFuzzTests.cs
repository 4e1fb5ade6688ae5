using ModelPipeline.Testing;
using ModelPipeline.Training.Tests.Support;

namespace ModelPipeline.Training.Tests;

/// <summary>Mutated model files: a model, or a <see cref="ModelFormatException"/>; never another exception or a hang.</summary>
[Trait("Category", FuzzCases.Category)]
public sealed class ModelFileFuzzTests
{
    [Fact]
    public void ModelBin_MutatedFiles_LoadOrSayWhatIsWrong()
    {
        var (train, _) = TestData.Split("churn.csv", "churn");
        byte[][] seeds =
        [
            ModelTrainer.Fit(train, Specs.Of(TaskKind.Binary, "churn", "gradient_boosting", ("max_iterations", "5"))).ToBytes(),
            ModelTrainer.Fit(train, Specs.Of(TaskKind.Binary, "churn", "logistic_regression", ("max_iterations", "20"))).ToBytes(),
        ];

        FuzzCases.Run(seeds, (input, _) => TrainedModel.Load(input), error => error is ModelFormatException);
    }
}
