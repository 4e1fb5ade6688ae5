using System.Reflection;
using ModelPipeline.Data;
using ModelPipeline.Definitions;
using ModelPipeline.MLNet;
using ModelPipeline.Training;

namespace ModelPipeline.Build;

/// <summary>Retrain for <c>trainer.type: mlnet</c>: an ML.NET trainer by name, or a class from trainers/ by name.</summary>
internal static class MLNetRetrain
{
    /// <summary>The assembly the build compiles from trainers/.</summary>
    public const string TrainersAssembly = "ModelPipeline.Trainers";

    public static MLNetModel Fit(Frame train, TrainingSpec spec, TrainerSection trainer)
    {
        if (trainer.Name is { } name)
        {
            return MLNetTrainer.Fit(train, spec, name);
        }

        var estimator = trainer.Estimator ?? throw new InvalidOperationException("trainer.type mlnet needs trainer.name or trainer.estimator");
        return MLNetTrainer.Fit(train, spec, MLNetEstimators.Create(estimator, Assemblies()), estimator);
    }

    private static IEnumerable<Assembly> Assemblies()
    {
        Assembly? trainers = null;
        try
        {
            trainers = Assembly.Load(TrainersAssembly);
        }
        catch (FileNotFoundException)
        {
            // no trainers/ project compiled into this build: only the loaded assemblies are searched
        }

        return AppDomain.CurrentDomain.GetAssemblies().Append(trainers).OfType<Assembly>().Distinct()
            .Where(a => !a.IsDynamic && a.GetReferencedAssemblies().Any(r => r.Name == typeof(IMLNetEstimator).Assembly.GetName().Name));
    }
}
