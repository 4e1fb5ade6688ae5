using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ModelPipeline.Definitions.Reading;

/// <summary>Turns the root mapping of a pipeline file into a <see cref="PipelineDefinition"/>, collecting every error.</summary>
internal sealed partial class DefinitionReader(ErrorSink errors, string rootDirectory, string fileName)
{
    public PipelineDefinition? Read(YamlMappingNode rootNode)
    {
        var root = new YamlScope(errors, rootNode, "");
        var name = ReadName(root);
        var description = root.Text("description", "a text") ?? PipelineDefaults.Description;
        var task = root.Choice("task", Vocabulary.Tasks, PipelineTask.Binary, required: true);
        var data = ReadData(root, task);
        var split = ReadSplit(root, task);
        var features = ReadFeatures(root);
        var training = new TrainingReader(errors, rootDirectory);
        var trainer = training.ReadTrainer(root, task);
        var search = training.ReadSearch(root, trainer.Type);
        if (search is not null && trainer.IsExternal && root.Value("search") is { } searchNode)
        {
            errors.Add(searchNode.Start, "search", $"applies only to built-in trainers; trainer.type {Vocabulary.NameOf(Vocabulary.Trainers, trainer.Type)} tunes its own parameters");
        }

        var gate = new GateReader().Read(root, task);
        var delivery = new DeliveryReader(rootDirectory);
        var container = delivery.ReadContainer(root, name);
        var push = delivery.ReadPush(root, name);
        var monitor = delivery.ReadMonitor(root, task);
        var schedule = delivery.ReadSchedule(root);
        root.Finish();
        if (errors.HasErrors)
        {
            return null;
        }

        var definition = new PipelineDefinition(
            name, description, task, data, split, features, trainer, search, gate, container, push, monitor, schedule,
            errors.File, "");
        return definition with { ConfigHash = CanonicalForm.Hash(definition) };
    }

    private string ReadName(YamlScope root)
    {
        var fromFile = Path.GetFileNameWithoutExtension(fileName);
        var node = root.Value("name");
        if (node is null || root.ScalarText(node, "name", "a name of a-z, 0-9, - and _") is not { } name)
        {
            return fromFile;
        }

        if (!NamePattern().IsMatch(name))
        {
            errors.Add(node.Start, "name", $"'{name}' is not a valid name; expected lower-case letters, digits, - and _ only");
        }
        else if (name != fromFile)
        {
            errors.Add(node.Start, "name", $"'{name}' differs from the file name '{fromFile}'; rename the file or remove the key");
        }

        return name;
    }

    private DataSection ReadData(YamlScope root, PipelineTask task)
    {
        var data = root.Mapping("data", required: true, "a mapping with files and label");
        if (data is null)
        {
            return new DataSection([], "", null, new Dictionary<string, DeclaredKind>(), [], []);
        }

        var files = new List<string>();
        var fileItems = data.Texts("files", "paths relative to the repository root");
        if (fileItems.Count == 0)
        {
            if (data.Value("files") is { } filesNode)
            {
                if (filesNode is YamlSequenceNode)
                {
                    errors.Add(filesNode.Start, data.PathOf("files"), "expected at least one data file");
                }
            }
            else
            {
                data.Missing("files", "a list of data files relative to the repository root");
            }
        }

        foreach (var (text, node) in fileItems)
        {
            var relative = text.Replace('\\', '/');
            if (!File.Exists(Path.Combine(rootDirectory, relative)))
            {
                errors.Add(node.Start, data.PathOf("files"), $"data file '{relative}' does not exist (relative to {rootDirectory})");
            }

            files.Add(relative);
        }

        var label = data.Text("label", "the name of the column to predict", required: true) ?? "";
        var positiveNode = data.Value("positive_class");
        string? positive = null;
        if (positiveNode is not null)
        {
            positive = data.ScalarText(positiveNode, data.PathOf("positive_class"), "the label text of the positive class");
            if (task != PipelineTask.Binary)
            {
                errors.Add(positiveNode.Start, data.PathOf("positive_class"), $"applies only to task binary, not {Vocabulary.NameOf(Vocabulary.Tasks, task)}");
            }
        }

        var columns = new SortedDictionary<string, DeclaredKind>(StringComparer.Ordinal);
        if (data.Mapping("columns", expected: "a mapping of column name -> numeric|categorical|boolean") is { } kinds)
        {
            foreach (var (column, _, value) in kinds.Entries())
            {
                columns[column] = kinds.ChoiceOf(value, kinds.PathOf(column), Vocabulary.Kinds, DeclaredKind.Numeric);
            }
        }

        var ignore = new List<string>();
        foreach (var (column, node) in data.Texts("ignore", "column names"))
        {
            if (column == label)
            {
                errors.Add(node.Start, data.PathOf("ignore"), $"the label '{label}' cannot be ignored");
            }

            ignore.Add(column);
        }

        var missing = data.Texts("missing", "texts that mean a missing value").Select(t => t.Text).ToArray();
        data.Finish();
        return new DataSection(files, label, positive, columns, ignore, missing);
    }

    private SplitSection ReadSplit(YamlScope root, PipelineTask task)
    {
        var fallback = new SplitSection(PipelineDefaults.Holdout, PipelineDefaults.Seed, PipelineDefaults.Stratify(task));
        if (root.Mapping("split", expected: "a mapping with holdout, seed, stratify") is not { } split)
        {
            return fallback;
        }

        var holdout = split.Number("holdout", PipelineDefaults.Holdout, v => v is > 0 and < 1, "a number between 0 and 1 (exclusive)");
        var seed = split.Integer("seed", PipelineDefaults.Seed, 0, int.MaxValue);
        var stratify = split.Flag("stratify", fallback.Stratify);
        if (stratify && task == PipelineTask.Regression && split.Value("stratify") is { } node)
        {
            errors.Add(node.Start, split.PathOf("stratify"), "a regression label has no classes to stratify by; expected false");
        }

        split.Finish();
        return new SplitSection(holdout, seed, stratify);
    }

    private static FeatureSection ReadFeatures(YamlScope root)
    {
        var numeric = PipelineDefaults.NumericImpute;
        var categorical = PipelineDefaults.CategoricalImpute;
        var scale = PipelineDefaults.Scale;
        var maxCategories = PipelineDefaults.MaxCategories;
        if (root.Mapping("features", expected: "a mapping with impute, scale, one_hot") is { } features)
        {
            if (features.Mapping("impute", expected: "a mapping with numeric and categorical") is { } impute)
            {
                numeric = impute.Choice("numeric", Vocabulary.NumericImputations, numeric);
                categorical = impute.Choice("categorical", Vocabulary.CategoricalImputations, categorical);
                impute.Finish();
            }

            scale = features.Choice("scale", Vocabulary.Scalings, scale);
            if (features.Mapping("one_hot", expected: "a mapping with max_categories") is { } oneHot)
            {
                maxCategories = oneHot.Integer("max_categories", maxCategories, 1, 100_000);
                oneHot.Finish();
            }

            features.Finish();
        }

        return new FeatureSection(numeric, categorical, scale, maxCategories);
    }

    [GeneratedRegex("^[a-z0-9_-]+$")]
    private static partial Regex NamePattern();
}
