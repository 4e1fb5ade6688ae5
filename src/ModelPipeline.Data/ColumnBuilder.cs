using System.Globalization;

namespace ModelPipeline.Data;

/// <summary>Accumulates the cells of one column while a file is read, inferring its kind.</summary>
internal sealed class ColumnBuilder
{
    private readonly string _name;
    private readonly ColumnKind? _declared;
    private ColumnKind _kind;
    private double[] _numbers = new double[1024];
    private int[]? _codes;
    private Dictionary<string, int>? _levels;
    private List<string>? _categories;
    private int _count;

    public ColumnBuilder(string name, ColumnKind? declared)
    {
        _name = name;
        _declared = declared;
        _kind = declared ?? ColumnKind.Numeric;
        if (_kind == ColumnKind.Categorical)
        {
            StartCategorical();
        }
    }

    public string Name => _name;

    public void AddMissing()
    {
        if (_kind == ColumnKind.Categorical)
        {
            AddCode(-1);
        }
        else
        {
            AddNumber(double.NaN);
        }
    }

    /// <summary>Adds one non-empty cell; returns an error text when the cell cannot be this column's kind.</summary>
    public string? Add(ReadOnlySpan<char> cell)
    {
        if (_kind == ColumnKind.Categorical)
        {
            AddCode(CodeOf(cell));
            return null;
        }

        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            AddNumber(number);
            return null;
        }

        if (_kind == ColumnKind.Boolean && BooleanText.TryParse(cell, out var flag))
        {
            AddNumber(flag ? 1 : 0);
            return null;
        }

        if (_declared is ColumnKind.Numeric or ColumnKind.Boolean)
        {
            var expected = _declared == ColumnKind.Numeric ? "a number" : "true/false, yes/no or 1/0";
            return $"'{cell.ToString()}' is not {expected}, and the column is declared {_declared.ToString()!.ToLowerInvariant()}";
        }

        SwitchToCategorical();
        AddCode(CodeOf(cell));
        return null;
    }

    public Column Build()
    {
        if (_kind == ColumnKind.Categorical)
        {
            if (_declared is null && BooleanText.AreBooleanLevels(_categories!))
            {
                var values = new double[_count];
                for (var i = 0; i < _count; i++)
                {
                    var code = _codes![i];
                    values[i] = code < 0 ? double.NaN : BooleanText.TryParse(_categories![code], out var flag) && flag ? 1 : 0;
                }

                return Column.Boolean(_name, values);
            }

            return Column.Categorical(_name, _codes![.._count], [.. _categories!]);
        }

        var numbers = _numbers[.._count];
        return _kind == ColumnKind.Boolean ? Column.Boolean(_name, numbers) : Column.Numeric(_name, numbers);
    }

    private void StartCategorical()
    {
        _kind = ColumnKind.Categorical;
        _codes = new int[Math.Max(1024, _numbers.Length)];
        _levels = new Dictionary<string, int>(StringComparer.Ordinal);
        _categories = [];
    }

    private void SwitchToCategorical()
    {
        var seen = _numbers;
        StartCategorical();
        for (var i = 0; i < _count; i++)
        {
            var value = seen[i];
            _codes![i] = double.IsNaN(value)
                ? -1
                : CodeOf(value.ToString("R", CultureInfo.InvariantCulture));
        }

        _numbers = [];
    }

    private int CodeOf(ReadOnlySpan<char> cell)
    {
        var lookup = _levels!.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(cell, out var code))
        {
            return code;
        }

        var text = cell.ToString();
        code = _categories!.Count;
        _levels.Add(text, code);
        _categories.Add(text);
        return code;
    }

    private void AddNumber(double value)
    {
        if (_count == _numbers.Length)
        {
            Array.Resize(ref _numbers, _numbers.Length * 2);
        }

        _numbers[_count++] = value;
    }

    private void AddCode(int code)
    {
        if (_count == _codes!.Length)
        {
            Array.Resize(ref _codes, _codes.Length * 2);
        }

        _codes[_count++] = code;
    }
}
