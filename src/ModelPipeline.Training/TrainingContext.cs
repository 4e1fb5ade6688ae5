using ModelPipeline.Data;
using ModelPipeline.Training.Features;
using ModelPipeline.Training.Options;

namespace ModelPipeline.Training;

/// <summary>Everything a trainer needs: the bound training inputs, targets, schema, parameters and threading.</summary>
internal sealed record TrainingContext(
    Frame Frame,
    BoundInputs Inputs,
    double[] Targets,
    ModelSchema Schema,
    TrainingSpec Spec,
    TrainerParameters Parameters,
    ParallelOptions Parallel,
    IProgress<TrainingProgress>? Progress)
{
    public int ClassCount => Schema.Classes.Count;
}
