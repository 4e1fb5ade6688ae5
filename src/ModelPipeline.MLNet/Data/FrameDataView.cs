using Microsoft.ML;
using Microsoft.ML.Data;
using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.MLNet.Data;

/// <summary>
/// A <see cref="Frame"/> as an ML.NET <see cref="IDataView"/>: one column per model input under its own name
/// (numeric and boolean: Single, NaN = missing; categorical: text, missing = empty) and, for training, the label as
/// <c>Label</c> (binary: Boolean, true = the positive class; multiclass: a key over the schema's classes in order;
/// regression: Single). Columns are converted once; cursors only index arrays.
/// </summary>
internal sealed class FrameDataView : IDataView
{
    /// <summary>The label column's name in the view, whatever the data calls it.</summary>
    public const string LabelColumn = "Label";

    private readonly Array[] _values;

    private FrameDataView(DataViewSchema schema, Array[] values, int rows)
    {
        Schema = schema;
        _values = values;
        RowCount = rows;
    }

    public int RowCount { get; }

    public bool CanShuffle => true;

    public DataViewSchema Schema { get; }

    /// <summary>The inputs of <paramref name="schema"/> read from <paramref name="frame"/>, with the label when <paramref name="targets"/> is given.</summary>
    /// <exception cref="ModelSchemaException">An input column is missing or numeric where categories are expected the other way round.</exception>
    public static FrameDataView Of(ModelSchema schema, Frame frame, double[]? targets = null) =>
        Of(schema, schema.RequireInputs(frame), 0, frame.RowCount, targets);

    /// <summary>Rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) of already bound input columns.</summary>
    public static FrameDataView Of(ModelSchema schema, Column[] inputs, int start, int count, double[]? targets = null) =>
        Of(schema, inputs, start, count, targets, null);

    /// <summary>
    /// Rows <paramref name="start"/>.. of the inputs under <paramref name="inputSchema"/>, the schema of an earlier view
    /// of the same model's inputs (no label): a row-to-row mapper built for that schema accepts this view's rows.
    /// </summary>
    public static FrameDataView Of(ModelSchema schema, Column[] inputs, int start, int count, DataViewSchema inputSchema) =>
        Of(schema, inputs, start, count, null, inputSchema);

    private static FrameDataView Of(ModelSchema schema, Column[] inputs, int start, int count, double[]? targets, DataViewSchema? inputSchema)
    {
        var builder = new DataViewSchema.Builder();
        var values = new List<Array>();
        for (var i = 0; i < schema.Inputs.Count; i++)
        {
            if (schema.Inputs[i].Kind == ColumnKind.Categorical)
            {
                builder.AddColumn(schema.Inputs[i].Name, TextDataViewType.Instance);
                values.Add(Texts(inputs[i], start, count));
            }
            else
            {
                builder.AddColumn(schema.Inputs[i].Name, NumberDataViewType.Single);
                values.Add(Singles(inputs[i], start, count));
            }
        }

        if (targets is not null)
        {
            switch (schema.Task)
            {
                case TaskKind.Binary:
                    builder.AddColumn(LabelColumn, BooleanDataViewType.Instance);
                    values.Add(Array.ConvertAll(targets[start..(start + count)], t => t == 1));
                    break;
                case TaskKind.Multiclass:
                    builder.AddColumn(LabelColumn, new KeyDataViewType(typeof(uint), schema.Classes.Count));
                    values.Add(Array.ConvertAll(targets[start..(start + count)], t => (uint)t + 1));
                    break;
                default:
                    builder.AddColumn(LabelColumn, NumberDataViewType.Single);
                    values.Add(Array.ConvertAll(targets[start..(start + count)], t => (float)t));
                    break;
            }
        }

        return new FrameDataView(inputSchema ?? builder.ToSchema(), [.. values], count);
    }

    public long? GetRowCount() => RowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new FrameCursor(this, _values, rand is null ? null : Permutation(rand));

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private int[] Permutation(Random rand)
    {
        var order = new int[RowCount];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        rand.Shuffle(order);
        return order;
    }

    private static float[] Singles(Column column, int start, int count)
    {
        var result = new float[count];
        for (var row = 0; row < count; row++)
        {
            result[row] = (float)column.Number(start + row);
        }

        return result;
    }

    private static ReadOnlyMemory<char>[] Texts(Column column, int start, int count)
    {
        var result = new ReadOnlyMemory<char>[count];
        if (column.Codes is { } codes)
        {
            var levels = column.Categories.Select(c => c.AsMemory()).ToArray();
            for (var row = 0; row < count; row++)
            {
                var code = codes[start + row];
                result[row] = code < 0 ? ReadOnlyMemory<char>.Empty : levels[code];
            }

            return result;
        }

        for (var row = 0; row < count; row++)
        {
            result[row] = (column.GetText(start + row) ?? "").AsMemory();
        }

        return result;
    }
}
