using ModelPipeline.Data;

namespace ModelPipeline.Training.Features;

/// <summary>Lines a frame up with a model's input columns; names every missing or mistyped column.</summary>
internal static class InputBinding
{
    public static BoundInputs Bind(ModelSchema schema, Frame frame)
    {
        var problems = new List<string>();
        var faulty = new List<string>();
        var numbers = new double[]?[schema.Inputs.Count];
        var codes = new int[]?[schema.Inputs.Count];
        for (var i = 0; i < schema.Inputs.Count; i++)
        {
            var input = schema.Inputs[i];
            if (!frame.TryGetColumn(input.Name, out var column))
            {
                problems.Add($"input lacks column '{input.Name}' ({input.KindName})");
                faulty.Add(input.Name);
            }
            else if (input.Kind == ColumnKind.Categorical)
            {
                codes[i] = Remap(column, input.Categories);
            }
            else if (column.Numbers is { } values)
            {
                numbers[i] = values;
            }
            else
            {
                problems.Add($"column '{input.Name}' is categorical in the input but the model expects {input.KindName}");
                faulty.Add(input.Name);
            }
        }

        return problems.Count == 0
            ? new BoundInputs(frame.RowCount, numbers, codes)
            : throw new ModelSchemaException(string.Join("; ", problems)) { Columns = faulty };
    }

    private static int[] Remap(Column column, IReadOnlyList<string> categories)
    {
        if (column.Codes is { } sameCodes && StartsWithLevels(column.Categories, categories))
        {
            // The frame's levels begin with the model's own, as the model server builds every request: codes carry over,
            // later levels are ones the model never saw. Spares a dictionary of the levels per column per request.
            var carried = new int[column.Length];
            for (var row = 0; row < carried.Length; row++)
            {
                var code = sameCodes[row];
                carried[row] = code < 0 ? BoundInputs.Missing : code < categories.Count ? code : BoundInputs.Unknown;
            }

            return carried;
        }

        var index = new Dictionary<string, int>(categories.Count, StringComparer.Ordinal);
        for (var c = 0; c < categories.Count; c++)
        {
            index[categories[c]] = c;
        }

        var result = new int[column.Length];
        if (column.Codes is { } frameCodes)
        {
            var map = column.Categories.Select(level => index.TryGetValue(level, out var c) ? c : BoundInputs.Unknown).ToArray();
            for (var row = 0; row < result.Length; row++)
            {
                var code = frameCodes[row];
                result[row] = code < 0 ? BoundInputs.Missing : map[code];
            }

            return result;
        }

        for (var row = 0; row < result.Length; row++)
        {
            var text = column.GetText(row);
            result[row] = text is null ? BoundInputs.Missing : index.TryGetValue(text, out var c) ? c : BoundInputs.Unknown;
        }

        return result;
    }

    /// <summary>Whether the frame's level list starts with the model's levels, in the same order (levels are distinct within a column).</summary>
    private static bool StartsWithLevels(IReadOnlyList<string> frameLevels, IReadOnlyList<string> modelLevels)
    {
        if (ReferenceEquals(frameLevels, modelLevels))
        {
            return true;
        }

        if (frameLevels.Count < modelLevels.Count)
        {
            return false;
        }

        for (var c = 0; c < modelLevels.Count; c++)
        {
            if (!string.Equals(frameLevels[c], modelLevels[c], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
