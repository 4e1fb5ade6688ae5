using Microsoft.ML;
using Microsoft.ML.Data;

namespace ModelPipeline.MLNet.Data;

/// <summary>Walks a <see cref="FrameDataView"/>'s rows in order, or in a shuffled order when ML.NET asks for one.</summary>
internal sealed class FrameCursor(FrameDataView view, Array[] values, int[]? order) : DataViewRowCursor
{
    private long _position = -1;
    private int _row = -1;

    public override DataViewSchema Schema => view.Schema;

    public override long Position => _position;

    public override long Batch => 0;

    public override bool MoveNext()
    {
        if (_position + 1 >= view.RowCount)
        {
            _row = -1;
            return false;
        }

        _position++;
        _row = order is null ? (int)_position : order[_position];
        return true;
    }

    public override bool IsColumnActive(DataViewSchema.Column column) => true;

    public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_row, 0);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        var array = values[column.Index];
        if (array is not TValue[] typed)
        {
            throw new InvalidOperationException($"column '{column.Name}' holds {array.GetType().GetElementType()!.Name}, not {typeof(TValue).Name}");
        }

        return (ref TValue value) => value = typed[_row];
    }
}
