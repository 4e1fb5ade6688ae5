using ModelPipeline.Data;

namespace ModelPipeline.Training;

/// <summary>
/// What a model reads and predicts: its task, its label, the label's classes (empty for regression; for binary
/// models class index 1 is the positive class) and the input columns it needs.
/// </summary>
public sealed record ModelSchema(TaskKind Task, string Label, IReadOnlyList<string> Classes, IReadOnlyList<InputColumn> Inputs)
{
    /// <summary>The label column of <paramref name="frame"/> as class indices (classification) or values (regression).</summary>
    /// <exception cref="ModelSchemaException">The label column is absent, a label is missing or a class is unknown; names the row.</exception>
    public double[] ReadTargets(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!frame.TryGetColumn(Label, out var label))
        {
            throw new ModelSchemaException($"input lacks label column '{Label}'") { Columns = [Label] };
        }

        return LabelEncoding.Targets(label, Task, Classes);
    }

    /// <summary>
    /// The frame's columns for <see cref="Inputs"/>, in schema order (a categorical input may come as numbers: read
    /// as text). For model kinds that read frames themselves; built-in models bind inputs the same way.
    /// </summary>
    /// <exception cref="ModelSchemaException">Names every missing input and every numeric input given as categories.</exception>
    public Column[] RequireInputs(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var problems = new List<string>();
        var faulty = new List<string>();
        var columns = new Column[Inputs.Count];
        for (var i = 0; i < Inputs.Count; i++)
        {
            var input = Inputs[i];
            if (!frame.TryGetColumn(input.Name, out columns[i]))
            {
                problems.Add($"input lacks column '{input.Name}' ({input.KindName})");
                faulty.Add(input.Name);
            }
            else if (input.Kind != ColumnKind.Categorical && !columns[i].IsNumeric)
            {
                problems.Add($"column '{input.Name}' is categorical in the input but the model expects {input.KindName}");
                faulty.Add(input.Name);
            }
        }

        return problems.Count == 0 ? columns : throw new ModelSchemaException(string.Join("; ", problems)) { Columns = faulty };
    }
}
