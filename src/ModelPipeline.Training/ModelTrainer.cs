using ModelPipeline.Data;
using ModelPipeline.Training.Features;
using ModelPipeline.Training.Options;

namespace ModelPipeline.Training;

/// <summary>Fits a model to a frame as a <see cref="TrainingSpec"/> says; the result only predicts.</summary>
public static class ModelTrainer
{
    /// <summary>The trainer type names <see cref="Fit"/> accepts.</summary>
    public static IReadOnlyList<string> TrainerTypes => [.. TrainerCatalog.Names];

    /// <summary>
    /// Checks the spec (trainer type, parameters, task, label), fits featurization and trainer on
    /// <paramref name="train"/> and returns the model. The same data, spec and seed give byte-identical models
    /// whatever <see cref="TrainingSpec.Threads"/> is.
    /// </summary>
    /// <exception cref="TrainingOptionsException">The spec is wrong; the message says what and lists valid choices.</exception>
    /// <exception cref="ModelSchemaException">A label value is missing.</exception>
    public static TrainedModel Fit(Frame train, TrainingSpec spec, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(spec);
        var trainer = TrainerCatalog.Find(spec.TrainerType);
        TrainerCatalog.RequireTask(trainer, spec.Task);
        var parameters = TrainerParameters.Resolve(trainer.Name, trainer.Parameters, spec.Parameters);
        FeatureOptionsCheck.Validate(spec.Features);
        var schema = DescribeSchema(train, spec);
        var targets = schema.ReadTargets(train);
        var inputs = InputBinding.Bind(schema, train);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = spec.Threads ?? Environment.ProcessorCount };
        var context = new TrainingContext(train, inputs, targets, schema, spec, parameters, parallel, progress);
        var body = trainer.Fit(context);
        return new TrainedModel(schema, trainer.Name, parameters.Values, body);
    }

    /// <summary>
    /// The schema a model trained on <paramref name="train"/> as <paramref name="spec"/> says will have: its classes
    /// (binary: [negative, positive]) and its inputs (every column but the label and the ignored ones; categorical
    /// ones with the levels present). Every model kind starts from it, so all kinds read the same columns.
    /// </summary>
    /// <exception cref="TrainingOptionsException">Bad thread count, no label column, fewer than 2 rows, wrong class count, no inputs.</exception>
    public static ModelSchema DescribeSchema(Frame train, TrainingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Threads is < 1)
        {
            throw new TrainingOptionsException($"Threads must be at least 1 (or unset for all cores); got {spec.Threads}.");
        }

        if (!train.TryGetColumn(spec.Label, out var label))
        {
            throw new TrainingOptionsException($"Label column '{spec.Label}' is not in the data. Columns: {string.Join(", ", train.ColumnNames)}.");
        }

        if (train.RowCount < 2)
        {
            throw new TrainingOptionsException($"Training needs at least 2 rows; the data has {train.RowCount}.");
        }

        var classes = LabelEncoding.Classes(label, spec.Task, spec.PositiveClass);
        var schema = new ModelSchema(spec.Task, spec.Label, classes, DescribeInputs(train, spec));
        if (schema.Inputs.Count == 0)
        {
            throw new TrainingOptionsException($"The data has no input columns besides label '{spec.Label}' and the ignored ones.");
        }

        return schema;
    }

    private static List<InputColumn> DescribeInputs(Frame train, TrainingSpec spec)
    {
        var inputs = new List<InputColumn>();
        foreach (var column in train.Columns)
        {
            if (column.Name == spec.Label || spec.IgnoredColumns.Contains(column.Name, StringComparer.Ordinal))
            {
                continue;
            }

            inputs.Add(new InputColumn(column.Name, column.Kind, column.Kind == ColumnKind.Categorical ? LevelsPresent(column) : []));
        }

        return inputs;
    }

    /// <summary>The levels that occur in the rows (a taken frame keeps its parent's level list), in ordinal order.</summary>
    private static string[] LevelsPresent(Column column)
    {
        var seen = new bool[column.Categories.Count];
        foreach (var code in column.Codes!)
        {
            if (code >= 0)
            {
                seen[code] = true;
            }
        }

        return [.. column.Categories.Where((_, i) => seen[i]).Order(StringComparer.Ordinal)];
    }
}
