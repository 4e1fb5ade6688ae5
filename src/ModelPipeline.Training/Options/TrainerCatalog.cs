using ModelPipeline.Training.Linear;
using ModelPipeline.Training.Trees;

namespace ModelPipeline.Training.Options;

/// <summary>The trainers ModelPipeline knows, by <see cref="TrainingSpec.TrainerType"/> name, with their parameters and defaults.</summary>
internal static class TrainerCatalog
{
    public static readonly IReadOnlyList<TrainerDefinition> All =
    [
        new(
            "gradient_boosting",
            [TaskKind.Binary, TaskKind.Multiclass, TaskKind.Regression],
            [
                ParameterDefinition.Number("learning_rate", 0.1, 0, false),
                ParameterDefinition.Integer("max_iterations", 100, 1),
                ParameterDefinition.OptionalInteger("max_leaves", 31, 2),
                ParameterDefinition.OptionalInteger("max_depth", null, 1),
                ParameterDefinition.Integer("min_samples_leaf", 20, 1),
                ParameterDefinition.Number("l2", 0, 0, true),
                ParameterDefinition.Integer("max_bins", 255, 2, 255),
                ParameterDefinition.Choice("early_stopping", "auto", "auto", "true", "false"),
                ParameterDefinition.Number("validation_fraction", 0.1, 0, false, 1, false),
                ParameterDefinition.Integer("n_iter_no_change", 10, 1),
                ParameterDefinition.Number("tolerance", 1e-7, 0, true),
            ],
            GradientBoostingTrainer.Fit,
            TreeEnsembleBody.Read),
        new(
            "linear_regression",
            [TaskKind.Regression],
            [ParameterDefinition.Number("l2", 1.0, 0, true)],
            LinearRegressionTrainer.Fit,
            LinearModelBody.Read),
        new(
            "logistic_regression",
            [TaskKind.Binary, TaskKind.Multiclass],
            [
                ParameterDefinition.Number("l2", 1.0, 0, true),
                ParameterDefinition.Integer("max_iterations", 1000, 1),
                ParameterDefinition.Number("tolerance", 1e-4, 0, false),
            ],
            LogisticRegressionTrainer.Fit,
            LinearModelBody.Read),
    ];

    public static IEnumerable<string> Names => All.Select(t => t.Name);

    public static TrainerDefinition Find(string name)
    {
        var trainer = All.FirstOrDefault(t => t.Name == name);
        if (trainer is not null)
        {
            return trainer;
        }

        throw new TrainingOptionsException(
            $"Unknown trainer type '{name}'.{DidYouMean(name, Names)} Valid trainer types: {string.Join(", ", Names)}.");
    }

    public static void RequireTask(TrainerDefinition trainer, TaskKind task)
    {
        if (!trainer.Tasks.Contains(task))
        {
            var alternatives = All.Where(t => t.Tasks.Contains(task)).Select(t => t.Name);
            throw new TrainingOptionsException(
                $"Trainer '{trainer.Name}' does not do {task.ToString().ToLowerInvariant()} tasks; use one of: {string.Join(", ", alternatives)}.");
        }
    }

    /// <summary>" Did you mean 'x'?" when a candidate is a likely typo of <paramref name="given"/>, else empty.</summary>
    internal static string DidYouMean(string given, IEnumerable<string> candidates) =>
        NearestName.Find(given, candidates) is { } near ? $" Did you mean '{near}'?" : string.Empty;
}
