using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.MLNet.Tests;

/// <summary>A data set split as a pipeline splits it (seed 42, 20 % held out), and the spec to train it.</summary>
internal sealed record Holdout(Frame Train, Frame Test, TrainingSpec Spec)
{
    public static Holdout Of(string file, string label, TaskKind task, params (string Name, string Value)[] parameters)
    {
        var frame = TestData.Read(file);
        var (train, test) = FrameSplit.TrainHoldout(frame, 0.2, 42, task == TaskKind.Regression ? null : label);
        var spec = new TrainingSpec(task, label, parameters.ToDictionary(p => p.Name, p => p.Value)) { TrainerType = "mlnet", Threads = 2 };
        return new Holdout(frame.Take(train), frame.Take(test), spec);
    }
}
