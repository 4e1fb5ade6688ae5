using ModelPipeline.Data;

namespace ModelPipeline.Training;

/// <summary>Reads a label column as class indices (classification) or values (regression).</summary>
internal static class LabelEncoding
{
    private static readonly string[] PositiveNames = ["1", "true", "yes"];

    /// <summary>The classes of a label in model order: binary -> [negative, positive]; multiclass -> ordinal sort.</summary>
    public static IReadOnlyList<string> Classes(Column label, TaskKind task, string? positiveClass)
    {
        if (task == TaskKind.Regression)
        {
            return label.Kind == ColumnKind.Categorical
                ? throw new TrainingOptionsException($"Label '{label.Name}' is categorical; a regression task needs a numeric label.")
                : [];
        }

        var distinct = new SortedSet<string>(DistinctTexts(label), StringComparer.Ordinal);
        var sorted = distinct.ToArray();
        if (task == TaskKind.Multiclass)
        {
            return sorted.Length >= 2
                ? sorted
                : throw new TrainingOptionsException($"Label '{label.Name}' has {sorted.Length} class(es); a multiclass task needs at least 2.");
        }

        if (sorted.Length != 2)
        {
            throw new TrainingOptionsException(
                $"Label '{label.Name}' has {sorted.Length} classes ({string.Join(", ", sorted.Take(10))}); a binary task needs exactly 2.");
        }

        var positive = positiveClass ?? sorted.FirstOrDefault(c => PositiveNames.Contains(c, StringComparer.OrdinalIgnoreCase)) ?? sorted[1];
        if (!sorted.Contains(positive, StringComparer.Ordinal))
        {
            throw new TrainingOptionsException(
                $"Positive class '{positive}' is not a value of label '{label.Name}'; its classes are {string.Join(", ", sorted)}.");
        }

        return [sorted.First(c => c != positive), positive];
    }

    /// <summary>Class index (classification) or value (regression) per row; a missing or unseen label names the row.</summary>
    public static double[] Targets(Column label, TaskKind task, IReadOnlyList<string> classes)
    {
        var targets = new double[label.Length];
        if (task == TaskKind.Regression)
        {
            var values = label.Numbers ?? throw new ModelSchemaException($"Label '{label.Name}' is categorical; the model predicts numbers.") { Columns = [label.Name] };
            for (var row = 0; row < targets.Length; row++)
            {
                targets[row] = double.IsNaN(values[row]) ? throw MissingLabel(label, row) : values[row];
            }

            return targets;
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < classes.Count; c++)
        {
            index[classes[c]] = c;
        }

        int ClassOf(string text, int row) =>
            index.TryGetValue(text, out var c)
                ? c
                : throw new ModelSchemaException(
                    $"Label '{label.Name}' has class '{text}' in row {row + 1}, which the model does not know (classes: {string.Join(", ", classes)}).") { Columns = [label.Name] };

        if (label.Codes is { } codes)
        {
            var byCode = new int?[label.Categories.Count];
            for (var row = 0; row < targets.Length; row++)
            {
                var code = codes[row];
                targets[row] = code < 0 ? throw MissingLabel(label, row) : byCode[code] ??= ClassOf(label.Categories[code], row);
            }

            return targets;
        }

        var numbers = label.Numbers!;
        var byValue = new Dictionary<double, int>();
        for (var row = 0; row < targets.Length; row++)
        {
            var value = numbers[row];
            if (!byValue.TryGetValue(value, out var c))
            {
                byValue[value] = c = ClassOf(label.GetText(row) ?? throw MissingLabel(label, row), row);
            }

            targets[row] = c;
        }

        return targets;
    }

    /// <summary>The distinct non-missing values of a column as text, without formatting every row.</summary>
    private static IEnumerable<string> DistinctTexts(Column label)
    {
        if (label.Codes is { } codes)
        {
            var seen = new bool[label.Categories.Count];
            foreach (var code in codes)
            {
                if (code >= 0)
                {
                    seen[code] = true;
                }
            }

            return label.Categories.Where((_, i) => seen[i]);
        }

        var firstRow = new Dictionary<double, int>();
        var numbers = label.Numbers!;
        for (var row = 0; row < numbers.Length; row++)
        {
            if (!double.IsNaN(numbers[row]))
            {
                firstRow.TryAdd(numbers[row], row);
            }
        }

        return firstRow.Values.Select(row => label.GetText(row)!);
    }

    private static ModelSchemaException MissingLabel(Column label, int row) =>
        new($"Label '{label.Name}' is missing in row {row + 1} (rows count from 1, header excluded).") { Columns = [label.Name] };
}
