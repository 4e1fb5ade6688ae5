using YamlDotNet.RepresentationModel;

namespace ModelPipeline.Definitions.Reading;

/// <summary>Reads <c>trainer</c> and <c>search</c>.</summary>
internal sealed class TrainingReader(ErrorSink errors)
{
    public TrainerSection ReadTrainer(YamlScope root, PipelineTask task)
    {
        var fallback = new TrainerSection(
            task == PipelineTask.Regression ? TrainerType.LinearRegression : TrainerType.LogisticRegression,
            new Dictionary<string, ParameterValue>());
        if (root.Mapping("trainer", required: true, "a mapping with type and params") is not { } trainer)
        {
            return fallback;
        }

        var type = trainer.Choice("type", Vocabulary.Trainers, fallback.Type, required: true);
        if (trainer.Value("type") is { } typeNode && !Suits(type, task))
        {
            errors.Add(typeNode.Start, trainer.PathOf("type"),
                $"{Vocabulary.NameOf(Vocabulary.Trainers, type)} cannot learn a {Vocabulary.NameOf(Vocabulary.Tasks, task)} task; expected {SuitableFor(task)}");
        }

        var parameters = new SortedDictionary<string, ParameterValue>(StringComparer.Ordinal);
        if (trainer.Mapping("params", expected: "a mapping of parameter name -> value") is { } map)
        {
            foreach (var (name, _, value) in map.Entries())
            {
                if (Parameter(value, map.PathOf(name)) is { } parameter)
                {
                    parameters[name] = parameter;
                }
            }
        }

        trainer.Finish();
        return new TrainerSection(type, parameters);
    }

    public SearchSection? ReadSearch(YamlScope root)
    {
        if (root.Mapping("search", expected: "a mapping with strategy, folds, space") is not { } search)
        {
            return null;
        }

        var strategy = search.Choice("strategy", Vocabulary.Strategies, PipelineDefaults.Strategy);
        var folds = search.Integer("folds", PipelineDefaults.Folds, 2, 100);
        var trials = search.Integer("trials", PipelineDefaults.Trials, 1, 100_000);
        if (strategy == SearchStrategy.Grid && search.Value("trials") is { } trialsNode)
        {
            errors.Add(trialsNode.Start, search.PathOf("trials"), "applies only to strategy random (a grid tries every combination)");
        }

        var maxSeconds = search.Number("max_seconds", PipelineDefaults.MaxSeconds, v => v > 0, "a number of seconds > 0");
        var parallelism = search.Integer("parallelism", PipelineDefaults.Parallelism, 1, 256);
        var space = new SortedDictionary<string, SearchDimension>(StringComparer.Ordinal);
        if (search.Mapping("space", required: true, "a mapping of parameter name -> list of values or {min, max, log}") is { } map)
        {
            foreach (var (name, _, value) in map.Entries())
            {
                if (Dimension(map, name, value, strategy) is { } dimension)
                {
                    space[name] = dimension;
                }
            }

            if (space.Count == 0 && !map.Entries().Any())
            {
                errors.Add(map.Owner, search.PathOf("space"), "expected at least one parameter to search");
            }
        }

        search.Finish();
        return new SearchSection(strategy, folds, trials, maxSeconds, parallelism, space);
    }

    private SearchDimension? Dimension(YamlScope space, string name, YamlNode node, SearchStrategy strategy)
    {
        var path = space.PathOf(name);
        if (node is YamlSequenceNode sequence)
        {
            if (sequence.Children.Count == 0)
            {
                errors.Add(node.Start, path, "expected at least one value");
                return null;
            }

            var values = sequence.Children.Select((v, i) => Parameter(v, $"{path}[{i}]")).ToArray();
            return values.Any(v => v is null) ? null : new SearchDimension(values!, null, null, false);
        }

        if (node is YamlMappingNode mapping)
        {
            var range = new YamlScope(errors, mapping, path, space.KeyStart(name));
            if (strategy == SearchStrategy.Grid)
            {
                errors.Add(node.Start, path, "a {min, max} range needs strategy random; a grid takes a list of values");
            }

            var min = range.Number("min", double.NaN, _ => true, "a number");
            var max = range.Number("max", double.NaN, _ => true, "a number");
            var log = range.Flag("log", false);
            if (!range.Has("min"))
            {
                range.Missing("min", "a number");
            }

            if (!range.Has("max"))
            {
                range.Missing("max", "a number");
            }

            if (min >= max)
            {
                errors.Add(node.Start, path, $"min ({min}) must be below max ({max})");
            }
            else if (log && min <= 0)
            {
                errors.Add(node.Start, path, "a log range needs min > 0");
            }

            range.Finish();
            return new SearchDimension(null, min, max, log);
        }

        errors.Add(node.Start, path, $"expected a list of values or {{min, max, log}}, got {YamlNodes.Describe(node)}");
        return null;
    }

    private ParameterValue? Parameter(YamlNode node, string path)
    {
        if (node is YamlScalarNode scalar)
        {
            return new ParameterValue(scalar.Value ?? "", YamlNodes.IsQuoted(node), errors.File, (int)node.Start.Line, (int)node.Start.Column);
        }

        errors.Add(node.Start, path, $"expected a single value (number, text or true/false), got {YamlNodes.Describe(node)}");
        return null;
    }

    private static bool Suits(TrainerType type, PipelineTask task) => type switch
    {
        TrainerType.LogisticRegression => task != PipelineTask.Regression,
        TrainerType.LinearRegression => task == PipelineTask.Regression,
        _ => true,
    };

    private static string SuitableFor(PipelineTask task) =>
        task == PipelineTask.Regression ? "linear_regression or gradient_boosting" : "logistic_regression or gradient_boosting";
}
