using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ModelPipeline.Definitions.Reading;

/// <summary>Reads <c>trainer</c> and <c>search</c>.</summary>
internal sealed partial class TrainingReader(ErrorSink errors, string rootDirectory)
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

        var (mlnetName, estimator) = type == TrainerType.MLNet ? ReadMLNet(trainer, task, parameters) : (null, null);
        var section = ReadExternal(trainer, new TrainerSection(type, parameters) { Name = mlnetName, Estimator = estimator });
        trainer.Finish();
        return section;
    }

    /// <summary>
    /// <c>name</c> (an ML.NET trainer for the task, its params checked by name, kind and range) or <c>estimator</c>
    /// (a class in trainers/, given its params as written): exactly one of the two.
    /// </summary>
    private (string? Name, string? Estimator) ReadMLNet(YamlScope trainer, PipelineTask task, IReadOnlyDictionary<string, ParameterValue> parameters)
    {
        var names = MLNetTrainerCatalog.Trainers.Select(t => t.Name).ToArray();
        var name = trainer.Text("name", "one of " + string.Join(", ", names));
        var estimator = trainer.Text("estimator", "a class name in trainers/ (e.g. ChurnEstimator)");
        var taskName = Vocabulary.NameOf(Vocabulary.Tasks, task);
        if (name is not null && estimator is not null)
        {
            errors.Add(trainer.Value("estimator")!.Start, trainer.PathOf("estimator"),
                "give either name (an ML.NET trainer) or estimator (your own class), not both");
            return (name, estimator);
        }

        if (estimator is not null)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(estimator, @"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$"))
            {
                errors.Add(trainer.Value("estimator")!.Start, trainer.PathOf("estimator"), $"'{estimator}' is not a C# class name");
            }

            return (null, estimator);
        }

        if (name is null)
        {
            if (trainer.Value("name") is null)
            {
                trainer.Missing("name", $"an ML.NET trainer ({string.Join(", ", names)}) or estimator: a class in trainers/");
            }

            return (null, null);
        }

        var node = trainer.Value("name")!;
        if (MLNetTrainerCatalog.Find(name) is not { } info)
        {
            errors.Add(node.Start, trainer.PathOf("name"), $"unknown ML.NET trainer '{name}'; expected one of {string.Join(", ", names)}{YamlScope.DidYouMean(name, names)}");
            return (name, null);
        }

        if (!info.Tasks.Contains(taskName))
        {
            var suitable = MLNetTrainerCatalog.Trainers.Where(t => t.Tasks.Contains(taskName)).Select(t => t.Name);
            errors.Add(node.Start, trainer.PathOf("name"), $"{name} cannot learn a {taskName} task; expected {string.Join(", ", suitable)}");
        }

        var known = info.Parameters.Select(p => p.Name).ToArray();
        foreach (var (key, value) in parameters)
        {
            var path = trainer.PathOf("params") + "." + key;
            if (info.Parameters.FirstOrDefault(p => p.Name == key) is not { } parameter)
            {
                errors.Add(value, path,
                    $"{name} has no parameter '{key}'; expected one of {string.Join(", ", known)}{YamlScope.DidYouMean(key, known)}");
                continue;
            }

            var number = parameter.IsInteger ? value.AsInteger() : value.AsNumber();
            if (number is not { } v || v < parameter.Minimum || !double.IsFinite((double)v))
            {
                errors.Add(value, path, $"expected {parameter.Expected}, got '{value.Text}'");
            }
        }

        return (name, null);
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

    /// <summary>Reads <c>path</c> (onnx_file) or <c>command</c>, <c>timeout_seconds</c> and <c>apt_packages</c> (command); any of them elsewhere is an error.</summary>
    private TrainerSection ReadExternal(YamlScope trainer, TrainerSection section)
    {
        foreach (var (key, owner) in new[] { ("path", TrainerType.OnnxFile), ("command", TrainerType.Command), ("timeout_seconds", TrainerType.Command), ("apt_packages", TrainerType.Command) })
        {
            // Peek: under another trainer type these keys are not offered in "expected one of" lists.
            if (section.Type != owner && trainer.Peek(key) is { } node)
            {
                trainer.Value(key);
                errors.Add(node.Start, trainer.PathOf(key), $"applies only to trainer.type {Vocabulary.NameOf(Vocabulary.Trainers, owner)}");
            }
        }

        if (section.Type == TrainerType.OnnxFile)
        {
            var path = trainer.Text("path", "an ONNX model file relative to the repository root", required: true)?.Replace('\\', '/');
            if (path is not null && trainer.Value("path") is { } node && !File.Exists(System.IO.Path.Combine(rootDirectory, path)))
            {
                errors.Add(node.Start, trainer.PathOf("path"), $"ONNX file '{path}' does not exist (relative to {rootDirectory})");
            }

            return section with { Path = path };
        }

        if (section.Type == TrainerType.Command)
        {
            var command = trainer.Text("command", "a shell command that writes an ONNX model to $MP_OUTPUT", required: true);
            if (command is { Length: 0 } && trainer.Value("command") is { } node)
            {
                errors.Add(node.Start, trainer.PathOf("command"), "expected a shell command that writes an ONNX model to $MP_OUTPUT");
            }

            var timeout = trainer.Number("timeout_seconds", PipelineDefaults.CommandTimeoutSeconds, v => v > 0, "a number of seconds > 0");
            var packages = new List<string>();
            foreach (var (name, item) in trainer.Texts("apt_packages", "Debian package names"))
            {
                if (DebianPackageName().IsMatch(name))
                {
                    packages.Add(name);
                }
                else
                {
                    errors.Add(item.Start, trainer.PathOf("apt_packages"), $"'{name}' is not a Debian package name (lower-case letters, digits, '+', '-', '.'; at least two characters, starting with a letter or digit)");
                }
            }

            return section with { Command = command, TimeoutSeconds = timeout, AptPackages = packages };
        }

        return section;
    }

    private static bool Suits(TrainerType type, PipelineTask task) => type switch
    {
        TrainerType.LogisticRegression => task != PipelineTask.Regression,
        TrainerType.LinearRegression => task == PipelineTask.Regression,
        _ => true,
    };

    private static string SuitableFor(PipelineTask task) =>
        task == PipelineTask.Regression ? "linear_regression or gradient_boosting" : "logistic_regression or gradient_boosting";

    [GeneratedRegex("^[a-z0-9][a-z0-9+.-]+$")]
    private static partial Regex DebianPackageName();
}
