using System.Globalization;
using ModelPipeline.Data;
using ModelPipeline.Definitions;
using ModelPipeline.Evaluation;
using ModelPipeline.Training;

namespace ModelPipeline.Build;

/// <summary>Maps a validated <see cref="PipelineDefinition"/> onto the options each library takes.</summary>
internal static class DefinitionMapping
{
    public static CsvReadOptions CsvOptions(PipelineDefinition definition) => new()
    {
        Kinds = definition.Data.Columns.ToDictionary(
            c => c.Key,
            c => c.Value switch
            {
                DeclaredKind.Numeric => ColumnKind.Numeric,
                DeclaredKind.Boolean => ColumnKind.Boolean,
                _ => ColumnKind.Categorical,
            }),
        Ignore = definition.Data.Ignore.ToArray(),
        MissingTokens = ["NA", "NaN", "null", .. definition.Data.Missing],
    };

    public static TaskKind Task(PipelineTask task) => task switch
    {
        PipelineTask.Binary => TaskKind.Binary,
        PipelineTask.Multiclass => TaskKind.Multiclass,
        _ => TaskKind.Regression,
    };

    public static TrainingSpec TrainingSpec(PipelineDefinition definition, int? threads) =>
        new(Task(definition.Task), definition.Data.Label,
            definition.Trainer.Params.ToDictionary(p => p.Key, p => p.Value.Text, StringComparer.Ordinal))
        {
            TrainerType = definition.Trainer.Type == TrainerType.MLNet ? "mlnet" : Snake(definition.Trainer.Type.ToString()),
            PositiveClass = definition.Data.PositiveClass,
            Features = new FeatureOptions
            {
                NumericImpute = Snake(definition.Features.NumericImpute.ToString()),
                CategoricalImpute = Snake(definition.Features.CategoricalImpute.ToString()),
                Scale = Snake(definition.Features.Scale.ToString()),
                MaxCategories = definition.Features.MaxCategories,
            },
            Seed = definition.Split.Seed,
            Threads = threads,
        };

    public static GateRules GateRules(PipelineDefinition definition)
    {
        var gate = definition.Gate;
        return new GateRules
        {
            PrimaryMetric = gate.PrimaryMetric,
            Thresholds = gate.Thresholds
                .Select(t => new MetricThreshold(t.Metric, MetricThreshold.ParseOperator(t.Symbol), t.Value))
                .ToArray(),
            MinImprovement = gate.MinImprovement,
            MinRelativeImprovement = gate.MinRelativeImprovement,
            Guards = gate.Guards,
            Significance = gate.Significance is { } s
                ? new SignificanceRule(SignificanceRule.ParseTest(s.Test.ToString()), s.Level, s.Resamples, definition.Split.Seed)
                : null,
        };
    }

    /// <summary>PascalCase enum name to the snake_case word the libraries take ("MostFrequent" -> "most_frequent").</summary>
    public static string Snake(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLower(name[i], CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
