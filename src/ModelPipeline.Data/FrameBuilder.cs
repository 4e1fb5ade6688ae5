using System.Globalization;
using System.Text.Json;

namespace ModelPipeline.Data;

/// <summary>
/// Builds a <see cref="Frame"/> shaped like a model's training data from loosely-typed rows, e.g. a
/// model server's JSON body. Values may be CLR values (null, numbers, bool, string) or
/// <see cref="JsonElement"/>s.
/// <list type="bullet">
/// <item>Numeric columns take numbers, numeric strings (invariant culture) and booleans (1/0).</item>
/// <item>Boolean columns take true/false, 1/0 and the spellings of <see cref="BooleanText"/> (yes/no...).</item>
/// <item>Categorical columns take text (numbers and booleans become their invariant text). Known levels get
/// their training code. <b>Unknown levels</b> get a code <b>beyond the known categories</b>: the built column's
/// <see cref="Column.Categories"/> are the schema's categories followed by the unseen levels in first-seen
/// order, so <c>code &gt;= schema.Categories.Count</c> means "unknown level" (and <see cref="Column.GetText"/>
/// still returns the text). Encoders send such codes to their unknown bucket.</item>
/// <item>null, an absent key and the empty string are missing (NaN / -1).</item>
/// <item>Anything else (text in a numeric column, objects, arrays) raises <see cref="FrameInputException"/>
/// naming the row and column.</item>
/// </list>
/// Keys not in the schema are ignored unless <see cref="RejectUnknownColumns"/> is set.
/// </summary>
public sealed class FrameBuilder(IReadOnlyList<FieldSchema> schema)
{
    public IReadOnlyList<FieldSchema> Schema { get; } = schema;

    /// <summary>When true an input key that is not a schema column raises <see cref="FrameInputException"/>.</summary>
    public bool RejectUnknownColumns { get; init; }

    /// <summary>True when a categorical code stands for a level the schema did not know.</summary>
    public static bool IsUnknownLevel(int code, FieldSchema field) => code >= (field.Categories?.Count ?? 0);

    public Frame Build(IReadOnlyList<IReadOnlyDictionary<string, object?>> rows)
    {
        var columns = Schema.Select(f => new FieldCollector(f, rows.Count)).ToArray();
        var known = Schema.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        for (var row = 0; row < rows.Count; row++)
        {
            if (RejectUnknownColumns)
            {
                foreach (var key in rows[row].Keys.Where(k => !known.Contains(k)))
                {
                    throw new FrameInputException(row, key, $"no such input column; expected {string.Join(", ", known)}");
                }
            }

            foreach (var column in columns)
            {
                rows[row].TryGetValue(column.Field.Name, out var value);
                column.Add(row, value);
            }
        }

        return new Frame(columns.Select(c => c.Build()).ToArray());
    }

    /// <summary>Builds from a JSON array of objects (or one object: one row).</summary>
    public Frame Build(JsonElement rows)
    {
        var items = rows.ValueKind switch
        {
            JsonValueKind.Array => rows.EnumerateArray().ToArray(),
            JsonValueKind.Object => [rows],
            _ => throw new FrameInputException(0, "", $"expected a JSON array of objects, got {rows.ValueKind.ToString().ToLowerInvariant()}"),
        };
        var dictionaries = new IReadOnlyDictionary<string, object?>[items.Length];
        for (var row = 0; row < items.Length; row++)
        {
            if (items[row].ValueKind != JsonValueKind.Object)
            {
                throw new FrameInputException(row, "", $"expected a JSON object of column -> value, got {items[row].ValueKind.ToString().ToLowerInvariant()}");
            }

            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var property in items[row].EnumerateObject())
            {
                values[property.Name] = property.Value;
            }

            dictionaries[row] = values;
        }

        return Build(dictionaries);
    }

    /// <summary>Collects one column's values, converting each as its kind requires.</summary>
    private sealed class FieldCollector(FieldSchema field, int rows)
    {
        private readonly double[] _numbers = field.Kind == ColumnKind.Categorical ? [] : new double[rows];
        private readonly int[] _codes = field.Kind == ColumnKind.Categorical ? new int[rows] : [];
        private readonly List<string> _levels = [.. field.Categories ?? []];
        private readonly Dictionary<string, int> _lookup = (field.Categories ?? [])
            .Select((level, code) => (level, code))
            .DistinctBy(p => p.level)
            .ToDictionary(p => p.level, p => p.code, StringComparer.Ordinal);

        public FieldSchema Field { get; } = field;

        public void Add(int row, object? value)
        {
            var scalar = Scalar.From(value, () => new FrameInputException(row, Field.Name, $"expected a single value, got {Describe(value)}"));
            if (Field.Kind == ColumnKind.Categorical)
            {
                _codes[row] = scalar.IsMissing ? -1 : CodeOf(scalar.AsText(_levels));
                return;
            }

            _numbers[row] = scalar.IsMissing ? double.NaN : Field.Kind == ColumnKind.Numeric ? Number(row, scalar) : Flag(row, scalar);
        }

        public Column Build() => Field.Kind switch
        {
            ColumnKind.Categorical => Column.Categorical(Field.Name, _codes, [.. _levels]),
            ColumnKind.Boolean => Column.Boolean(Field.Name, _numbers),
            _ => Column.Numeric(Field.Name, _numbers),
        };

        private double Number(int row, Scalar scalar)
        {
            if (scalar.Number is { } number)
            {
                return number;
            }

            if (scalar.Flag is { } flag)
            {
                return flag ? 1 : 0;
            }

            if (double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
            {
                return parsed;
            }

            throw new FrameInputException(row, Field.Name, $"expected a number, got \"{scalar.Text}\"");
        }

        private double Flag(int row, Scalar scalar)
        {
            if (scalar.Flag is { } flag)
            {
                return flag ? 1 : 0;
            }

            if (scalar.Number is 0 or 1)
            {
                return scalar.Number.Value;
            }

            if (scalar.Text is { } text && BooleanText.TryParse(text, out var parsed))
            {
                return parsed ? 1 : 0;
            }

            throw new FrameInputException(row, Field.Name, $"expected true/false (or 1/0, yes/no), got {scalar.Describe()}");
        }

        private int CodeOf(string text)
        {
            if (!_lookup.TryGetValue(text, out var code))
            {
                code = _levels.Count;
                _levels.Add(text);
                _lookup.Add(text, code);
            }

            return code;
        }

        private static string Describe(object? value) => value switch
        {
            JsonElement e => e.ValueKind == JsonValueKind.Object ? "an object" : e.ValueKind == JsonValueKind.Array ? "an array" : e.ToString(),
            _ => value?.GetType().Name ?? "null",
        };
    }
}
