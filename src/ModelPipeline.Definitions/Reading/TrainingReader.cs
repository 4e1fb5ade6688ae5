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

        if (type == TrainerType.Auto && parameters.Count > 0 && trainer.Value("params") is { } paramsNode)
        {
            errors.Add(paramsNode.Start, trainer.PathOf("params"), "applies to one trainer; trainer.type auto chooses the parameters (list values to try under search.space)");
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

    public SearchSection? ReadSearch(YamlScope root, TrainerType trainer)
    {
        var auto = trainer == TrainerType.Auto;
        if (root.Mapping("search", expected: "a mapping with strategy, folds, space") is not { } search)
        {
            return auto ? AutoDefaults(root) : null;
        }

        if (auto && search.Peek("strategy") is { } strategyNode)
        {
            search.Value("strategy");
            errors.Add(strategyNode.Start, search.PathOf("strategy"), "applies only to a search over one trainer; trainer.type auto draws its candidates itself (successive halving)");
        }

        var strategy = auto ? SearchStrategy.Random : search.Choice("strategy", Vocabulary.Strategies, PipelineDefaults.Strategy);
        var folds = search.Integer("folds", auto ? PipelineDefaults.AutoFolds : PipelineDefaults.Folds, 2, 100);
        var trials = search.Integer("trials", auto ? PipelineDefaults.AutoTrials : PipelineDefaults.Trials, 1, 100_000);
        if (!auto && strategy == SearchStrategy.Grid && search.Value("trials") is { } trialsNode)
        {
            errors.Add(trialsNode.Start, search.PathOf("trials"), "applies only to strategy random (a grid tries every combination)");
        }

        var maxSeconds = search.Number("max_seconds", auto ? PipelineDefaults.AutoMaxSeconds : PipelineDefaults.MaxSeconds, v => v > 0, "a number of seconds > 0");
        var parallelism = search.Integer("parallelism", auto ? 0 : PipelineDefaults.Parallelism, 1, 256);
        var space = new SortedDictionary<string, SearchDimension>(StringComparer.Ordinal);
        var spaceExpected = auto
            ? "a mapping of parameter name -> list of values (" + string.Join(", ", AutoSpace.Select(p => p.Name)) + ")"
            : "a mapping of parameter name -> list of values or {min, max, log}";
        if (search.Mapping("space", required: !auto, spaceExpected) is { } map)
        {
            foreach (var (name, _, value) in map.Entries())
            {
                var dimension = auto ? AutoDimension(map, name, value) : Dimension(map, name, value, strategy);
                if (dimension is not null)
                {
                    space[name] = dimension;
                }
            }

            if (space.Count == 0 && !map.Entries().Any())
            {
                errors.Add(map.Owner, search.PathOf("space"), "expected at least one parameter to search");
            }
        }

        var budgetAt = search.Value("max_seconds")?.Start ?? search.Owner;
        search.Finish();
        return new SearchSection(strategy, folds, trials, maxSeconds, parallelism, space)
        {
            BudgetLocation = $"{errors.File}:{budgetAt.Line}:{budgetAt.Column}",
        };
    }

    /// <summary>The parameters <c>trainer.type: auto</c>'s <c>search.space</c> may list, and what each value must be.</summary>
    private static readonly (string Name, string Expected, Func<ParameterValue, bool> IsValid)[] AutoSpace =
    [
        ("learning_rate", "a number > 0", v => v.AsNumber() is > 0 and var n && double.IsFinite(n)),
        ("max_leaves", "a whole number >= 2", v => v.AsInteger() is >= 2 and <= int.MaxValue),
        ("max_depth", "'none' or a whole number >= 1", v => v.Text == "none" || v.AsInteger() is >= 1 and <= int.MaxValue),
        ("min_samples_leaf", "a whole number >= 1", v => v.AsInteger() is >= 1 and <= int.MaxValue),
        ("l2", "a number >= 0", v => v.AsNumber() is >= 0 and var n && double.IsFinite(n)),
        ("max_iterations", "a whole number >= 1", v => v.AsInteger() is >= 1 and <= 100_000),
        ("linear_l2", "a number >= 0 (the linear trainer's l2)", v => v.AsNumber() is >= 0 and var n && double.IsFinite(n)),
    ];

    /// <summary><c>search</c> as <c>trainer.type: auto</c> takes it when the section is absent; the budget is then set by <c>trainer.type</c>.</summary>
    private SearchSection AutoDefaults(YamlScope root)
    {
        var at = (root.Peek("trainer") as YamlMappingNode)?.Children.FirstOrDefault(e => e.Key is YamlScalarNode { Value: "type" }).Value?.Start ?? root.Owner;
        return new SearchSection(SearchStrategy.Random, PipelineDefaults.AutoFolds, PipelineDefaults.AutoTrials, PipelineDefaults.AutoMaxSeconds, 0,
            new SortedDictionary<string, SearchDimension>(StringComparer.Ordinal))
        {
            BudgetLocation = $"{errors.File}:{at.Line}:{at.Column}",
        };
    }

    /// <summary>One <c>auto</c> space entry: a known parameter with a list of valid values, each error at its value.</summary>
    private SearchDimension? AutoDimension(YamlScope space, string name, YamlNode node)
    {
        var path = space.PathOf(name);
        var names = AutoSpace.Select(p => p.Name).ToArray();
        if (AutoSpace.FirstOrDefault(p => p.Name == name) is not { Name: not null } known)
        {
            errors.Add(space.KeyStart(name), path, $"trainer.type auto has no parameter '{name}'; expected one of {string.Join(", ", names)}{YamlScope.DidYouMean(name, names)}");
            return null;
        }

        if (node is not YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            errors.Add(node.Start, path, $"expected a list of values ({known.Expected}), got {YamlNodes.Describe(node)}");
            return null;
        }

        var values = sequence.Children.Select((v, i) => Parameter(v, $"{path}[{i}]")).ToArray();
        var valid = true;
        foreach (var (value, i) in values.Select((v, i) => (v, i)))
        {
            if (value is not null && !known.IsValid(value))
            {
                errors.Add(value, $"{path}[{i}]", $"expected {known.Expected}, got '{value.Text}'");
                valid = false;
            }
        }

        return valid && values.All(v => v is not null) ? new SearchDimension(values!, null, null, false) : null;
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
