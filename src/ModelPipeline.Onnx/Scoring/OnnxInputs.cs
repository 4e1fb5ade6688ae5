using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.Onnx.Scoring;

/// <summary>
/// Lines a frame's columns up with an ONNX model's inputs (one [N, 1] or [N] tensor per column, matched by name) and
/// fills them: numbers as double, float, int64, int32 or bool tensors (missing numbers: NaN, only in float types),
/// text as string tensors (missing text: the empty string).
/// </summary>
internal sealed class OnnxInputs(IReadOnlyDictionary<string, NodeMetadata> inputs)
{
    private static readonly Type[] Supported = [typeof(double), typeof(float), typeof(long), typeof(int), typeof(bool), typeof(string)];

    /// <summary>The model's input names in the model's order.</summary>
    public IReadOnlyList<string> Names { get; } = [.. inputs.Keys];

    /// <summary>Fails with one line listing the model's inputs and the data's columns when they do not match.</summary>
    /// <exception cref="ModelSchemaException">An input has no column of that name, or is of a type or shape not supported.</exception>
    public void Check(Frame frame)
    {
        var problems = new List<string>();
        foreach (var (name, meta) in inputs)
        {
            if (!meta.IsTensor || !Supported.Contains(meta.ElementType) || meta.Dimensions.Length is < 1 or > 2 || (meta.Dimensions.Length == 2 && meta.Dimensions[1] is not (1 or -1)))
            {
                problems.Add($"input '{name}' is {Describe(meta)}; one [N, 1] tensor per column is supported");
            }
            else if (!frame.TryGetColumn(name, out var column))
            {
                problems.Add($"input '{name}' has no column");
            }
            else if (column.Kind == ColumnKind.Categorical && meta.ElementType != typeof(string))
            {
                problems.Add($"input '{name}' is {Describe(meta)} but the column is categorical");
            }
        }

        if (problems.Count > 0)
        {
            var model = string.Join(", ", inputs.Select(i => $"{i.Key} ({Describe(i.Value)})"));
            throw new ModelSchemaException(
                $"the ONNX model's inputs do not match the data's columns: {string.Join("; ", problems)}. Model inputs: {model}. Data columns: {string.Join(", ", frame.ColumnNames)}")
            {
                Columns = [.. inputs.Keys.Where(k => !frame.Contains(k))],
            };
        }
    }

    /// <summary>Tensors for rows start..end of <paramref name="frame"/> (checked with <see cref="Check"/>).</summary>
    public List<NamedOnnxValue> Tensors(Frame frame, int start, int end)
    {
        var values = new List<NamedOnnxValue>(inputs.Count);
        var rows = end - start;
        foreach (var (name, meta) in inputs)
        {
            var column = frame[name];
            int[] shape = meta.Dimensions.Length == 2 ? [rows, 1] : [rows];
            values.Add(meta.ElementType switch
            {
                var t when t == typeof(string) => Tensor(name, shape, rows, row => column.GetText(start + row) ?? string.Empty),
                var t when t == typeof(float) => Tensor(name, shape, rows, row => (float)column.Number(start + row)),
                var t when t == typeof(long) => Tensor(name, shape, rows, row => Whole(column, start + row)),
                var t when t == typeof(int) => Tensor(name, shape, rows, row => (int)Whole(column, start + row)),
                var t when t == typeof(bool) => Tensor(name, shape, rows, row => Whole(column, start + row) != 0),
                _ => Tensor(name, shape, rows, row => column.Number(start + row)),
            });
        }

        return values;
    }

    private static NamedOnnxValue Tensor<T>(string name, int[] shape, int rows, Func<int, T> value)
    {
        var data = new T[rows];
        for (var row = 0; row < rows; row++)
        {
            data[row] = value(row);
        }

        return NamedOnnxValue.CreateFromTensor(name, new DenseTensor<T>(data, shape));
    }

    private static long Whole(Column column, int row)
    {
        var value = column.Number(row);
        return double.IsNaN(value)
            ? throw new ModelSchemaException($"column '{column.Name}' is missing in row {row + 1}, and the ONNX model's input '{column.Name}' is an integer tensor that cannot hold a missing value") { Columns = [column.Name] }
            : (long)value;
    }

    internal static string Describe(NodeMetadata meta) =>
        meta.IsTensor
            ? $"{meta.ElementType.Name.ToLowerInvariant()}[{string.Join(", ", meta.Dimensions.Select(d => d < 0 ? "N" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]"
            : meta.OnnxValueType.ToString().ToLowerInvariant();
}
