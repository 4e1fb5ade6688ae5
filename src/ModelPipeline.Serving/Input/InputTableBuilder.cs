using System.Globalization;
using System.Text.Json;
using ModelPipeline.Data;

namespace ModelPipeline.Serving.Input;

/// <summary>
/// Collects the cells of a scoring request into the model's input columns, converting each JSON or CSV value to the
/// column's kind. Rows are numbered from 1 in messages. Columns the model does not use are never stored.
/// </summary>
internal sealed class InputTableBuilder
{
    /// <summary>Up to this many levels a column's codes are found by comparing bytes in order rather than by hashing.</summary>
    private const int LinearScanLevels = 16;

    private readonly InputCatalog _catalog;
    private readonly double[]?[] _numbers;
    private readonly int[]?[] _codes;
    private readonly bool[] _present;
    private readonly List<string>?[] _newLevels;

    public InputTableBuilder(InputCatalog catalog, int rowCount)
    {
        if (rowCount == 0)
        {
            throw ScoringInputException.BadRequest("The input has no rows.");
        }

        _catalog = catalog;
        RowCount = rowCount;
        _numbers = new double[]?[catalog.Count];
        _codes = new int[]?[catalog.Count];
        _present = new bool[catalog.Count];
        _newLevels = new List<string>?[catalog.Count];
        for (var i = 0; i < catalog.Count; i++)
        {
            if (catalog.LevelIndex[i] is null)
            {
                var values = new double[rowCount];
                values.AsSpan().Fill(double.NaN);
                _numbers[i] = values;
            }
            else
            {
                var codes = new int[rowCount];
                codes.AsSpan().Fill(-1);
                _codes[i] = codes;
            }
        }
    }

    public int RowCount { get; }

    /// <summary>Records that the request has this column, even if every value in it is missing.</summary>
    public void MarkPresent(int input) => _present[input] = true;

    public void Set(int input, int row, JsonElement value)
    {
        _present[input] = true;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return;
            case JsonValueKind.String when _codes[input] is null:
                SetText(input, row, value.GetString());
                return;
            case JsonValueKind.String:
                _codes[input]![row] = CodeOf(input, value);
                return;
            case JsonValueKind.Number when _codes[input] is { } codes:
                codes[row] = CodeOf(input, value.GetDouble().ToString("R", CultureInfo.InvariantCulture));
                return;
            case JsonValueKind.Number:
                SetNumber(input, row, value.GetDouble(), value);
                return;
            case JsonValueKind.True or JsonValueKind.False when _codes[input] is { } codes:
                codes[row] = CodeOf(input, value.ValueKind == JsonValueKind.True ? "true" : "false");
                return;
            case JsonValueKind.True or JsonValueKind.False when _catalog.Inputs[input].Kind == ColumnKind.Boolean:
                _numbers[input]![row] = value.ValueKind == JsonValueKind.True ? 1 : 0;
                return;
            default:
                throw Mistyped(input, row, Describe(value));
        }
    }

    /// <summary>A text cell (CSV, or a JSON string); null or empty is missing.</summary>
    public void SetText(int input, int row, string? text)
    {
        _present[input] = true;
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (_codes[input] is { } codes)
        {
            codes[row] = CodeOf(input, text);
            return;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            SetNumber(input, row, number, null);
        }
        else if (_catalog.Inputs[input].Kind == ColumnKind.Boolean && BooleanText.TryParse(text, out var flag))
        {
            _numbers[input]![row] = flag ? 1 : 0;
        }
        else
        {
            throw Mistyped(input, row, JsonSerializer.Serialize(text.Length > 60 ? text[..60] + "…" : text, ServingJsonContext.Readable.String));
        }
    }

    public void SetNumber(int input, int row, double value) => SetNumber(input, row, value, null);

    /// <summary>The frame of the model's inputs, in schema order.</summary>
    /// <exception cref="ScoringInputException">The request lacks columns the model needs (all of them are named).</exception>
    public Frame Build()
    {
        var missing = new List<string>();
        var columns = new Column[_catalog.Count];
        for (var i = 0; i < _catalog.Count; i++)
        {
            var input = _catalog.Inputs[i];
            if (!_present[i])
            {
                missing.Add($"'{input.Name}'");
                continue;
            }

            columns[i] = input.Kind switch
            {
                ColumnKind.Categorical => Column.Categorical(input.Name, _codes[i]!, LevelsOf(i)),
                ColumnKind.Boolean => Column.Boolean(input.Name, _numbers[i]!),
                _ => Column.Numeric(input.Name, _numbers[i]!),
            };
        }

        if (missing.Count > 0)
        {
            throw ScoringInputException.Invalid(
                $"Model is missing inputs [{string.Join(", ", missing)}]. GET /model lists the {_catalog.Count} inputs it needs; extra columns are ignored.");
        }

        return new Frame(columns);
    }

    private void SetNumber(int input, int row, double value, JsonElement? raw)
    {
        if (double.IsInfinity(value))
        {
            throw Mistyped(input, row, $"{raw?.GetRawText() ?? value.ToString(CultureInfo.InvariantCulture)} (out of range)");
        }

        if (_catalog.Inputs[input].Kind == ColumnKind.Boolean && value is not (0 or 1) && !double.IsNaN(value))
        {
            throw Mistyped(input, row, raw?.GetRawText() ?? value.ToString("R", CultureInfo.InvariantCulture));
        }

        _numbers[input]![row] = value;
    }

    /// <summary>
    /// A JSON string's level code. Columns with few levels compare the UTF-8 bytes in place (no string per cell, no
    /// hashing: the largest share of a 1,000-row request's time went there); others, and levels the model never saw, go by name.
    /// </summary>
    private int CodeOf(int input, JsonElement level)
    {
        var known = _catalog.Utf8Levels[input];
        if (known.Length <= LinearScanLevels)
        {
            for (var c = 0; c < known.Length; c++)
            {
                if (level.ValueEquals(known[c]))
                {
                    return c;
                }
            }
        }

        return CodeOf(input, level.GetString()!);
    }

    private int CodeOf(int input, string level)
    {
        if (_catalog.LevelIndex[input]!.TryGetValue(level, out var code))
        {
            return code;
        }

        // A level the model never saw: kept as a new level, which the model treats as its unknown bucket.
        var added = _newLevels[input] ??= [];
        var at = added.IndexOf(level);
        if (at < 0)
        {
            added.Add(level);
            at = added.Count - 1;
        }

        return _catalog.Levels[input].Length + at;
    }

    private string[] LevelsOf(int input) =>
        _newLevels[input] is { } added ? [.. _catalog.Levels[input], .. added] : _catalog.Levels[input];

    private ScoringInputException Mistyped(int input, int row, string got)
    {
        var column = _catalog.Inputs[input];
        var expected = column.Kind switch
        {
            ColumnKind.Boolean => "true/false or 1/0",
            ColumnKind.Categorical => "text",
            _ => "a number",
        };
        return ScoringInputException.Invalid($"row {row + 1}, column '{column.Name}': expected {expected}, got {got}");
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => JsonSerializer.Serialize(value.GetString(), ServingJsonContext.Readable.String),
        _ => value.GetRawText(),
    };
}
