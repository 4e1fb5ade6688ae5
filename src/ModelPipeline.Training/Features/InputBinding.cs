using ModelPipeline.Data;

namespace ModelPipeline.Training.Features;

/// <summary>Lines a frame up with a model's input columns; names every missing or mistyped column.</summary>
internal static class InputBinding
{
    public static BoundInputs Bind(ModelSchema schema, Frame frame) => Bind(schema, frame, new CategoryLookup(schema));

    /// <summary>As <see cref="Bind(ModelSchema, Frame)"/>, with the schema's category indices already built.</summary>
    public static BoundInputs Bind(ModelSchema schema, Frame frame, CategoryLookup lookup)
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
                codes[i] = Remap(column, lookup, i);
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

    private static int[] Remap(Column column, CategoryLookup lookup, int input)
    {
        var result = new int[column.Length];
        if (column.Codes is { } frameCodes)
        {
            var map = column.Categories.Select(level => lookup.IndexOf(input, level)).ToArray();
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
            result[row] = text is null ? BoundInputs.Missing : lookup.IndexOf(input, text);
        }

        return result;
    }
}
