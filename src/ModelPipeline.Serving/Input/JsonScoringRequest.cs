using System.Buffers;
using System.Text.Json;
using ModelPipeline.Data;

namespace ModelPipeline.Serving.Input;

/// <summary>
/// Reads an MLflow scoring request body (<c>application/json</c>) holding exactly one of <c>dataframe_split</c>,
/// <c>dataframe_records</c>, <c>instances</c> or <c>inputs</c> into a frame of the model's inputs, plus optional
/// <c>params</c>: <c>"explain": true</c> asks for attributions (<see cref="InferenceParams"/>); other params are ignored.
/// </summary>
internal static class JsonScoringRequest
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>
    /// Bodies larger than this are read row by row (<see cref="StreamedJsonScoringRequest"/>) instead of into one
    /// <see cref="JsonDocument"/>, whose index alone is several times the body's size.
    /// </summary>
    public const long StreamAbove = 1 << 20;

    public const string RequiredFormat =
        "The input must be a JSON dictionary with exactly one of the input fields {'dataframe_split', 'dataframe_records', 'instances', 'inputs'}";

    public static Frame Read(ReadOnlySequence<byte> body, InputCatalog catalog, out bool explain) => Read(body, catalog, StreamAbove, out explain);

    public static Frame Read(ReadOnlySequence<byte> body, InputCatalog catalog, long streamAbove, out bool explain)
    {
        // The JSON reader checks UTF-8 only where it decodes a string: invalid bytes inside a value would fail later.
        if (!Utf8Text.IsValid(body))
        {
            throw ParseFailed("the body is not valid UTF-8 text");
        }

        if (body.Length > streamAbove)
        {
            return StreamedJsonScoringRequest.Read(body, catalog, out explain);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw ParseFailed(e.Message);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw NotAnObject(root.ValueKind);
            }

            JsonProperty? format = null;
            var fields = new List<string>();
            var formats = 0;
            explain = false;
            foreach (var property in root.EnumerateObject())
            {
                fields.Add($"'{property.Name}'");
                if (property.NameEquals("params"u8))
                {
                    explain = InferenceParams.Explain(property.Value);
                }

                if (property.Name is "dataframe_split" or "dataframe_records" or "instances" or "inputs")
                {
                    format = property;
                    formats++;
                }
            }

            if (formats != 1)
            {
                throw NotOneFormat(fields);
            }

            var value = format!.Value.Value;
            return format.Value.Name switch
            {
                "dataframe_split" => ReadSplit(value, catalog),
                "dataframe_records" => ReadRecords(value, catalog, "dataframe_records"),
                _ => ReadTensorStyle(value, catalog, format.Value.Name),
            };
        }
    }

    /// <summary><c>{"columns": [...], "data": [[...], ...], "index": [...]}</c>; without columns, rows are in schema order.</summary>
    private static Frame ReadSplit(JsonElement split, InputCatalog catalog)
    {
        if (split.ValueKind != JsonValueKind.Object)
        {
            throw ScoringInputException.BadRequest("'dataframe_split' must be an object with \"columns\" and \"data\".");
        }

        if (!split.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            throw ScoringInputException.BadRequest("'dataframe_split' needs \"data\": a list of rows, each a list of values.");
        }

        if (!split.TryGetProperty("columns", out var columns))
        {
            return ReadRows(data, catalog, "dataframe_split.data");
        }

        if (columns.ValueKind != JsonValueKind.Array)
        {
            throw ScoringInputException.BadRequest("'dataframe_split.columns' must be a list of column names.");
        }

        var map = ColumnMap(columns, catalog);
        var builder = SplitBuilder(map, catalog, data.GetArrayLength());
        var row = 0;
        foreach (var values in data.EnumerateArray())
        {
            SplitRow(values, row++, map, builder);
        }

        return builder.Build();
    }

    /// <summary>For each name of <c>dataframe_split.columns</c>, the model input it is (or -1).</summary>
    public static int[] ColumnMap(JsonElement columns, InputCatalog catalog)
    {
        var map = new int[columns.GetArrayLength()];
        var c = 0;
        foreach (var name in columns.EnumerateArray())
        {
            if (name.ValueKind != JsonValueKind.String)
            {
                throw ScoringInputException.BadRequest($"'dataframe_split.columns' must hold names (strings); item {c + 1} is {name.ValueKind.ToString().ToLowerInvariant()}.");
            }

            map[c++] = catalog.IndexOf(name.GetString()!);
        }

        return map;
    }

    public static InputTableBuilder SplitBuilder(int[] map, InputCatalog catalog, int rowCount)
    {
        var builder = new InputTableBuilder(catalog, rowCount);
        foreach (var input in map)
        {
            if (input >= 0)
            {
                builder.MarkPresent(input);
            }
        }

        return builder;
    }

    public static void SplitRow(JsonElement values, int row, int[] map, InputTableBuilder builder)
    {
        if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() != map.Length)
        {
            throw ScoringInputException.BadRequest(
                $"row {row + 1} of 'dataframe_split.data' must be a list of {map.Length} values (one per column); got {Shape(values)}.");
        }

        var column = 0;
        foreach (var cell in values.EnumerateArray())
        {
            var input = map[column++];
            if (input >= 0)
            {
                builder.Set(input, row, cell);
            }
        }
    }

    /// <summary><c>[{"col": value, ...}, ...]</c>; a key absent from a row is a missing value in that row.</summary>
    private static Frame ReadRecords(JsonElement records, InputCatalog catalog, string field)
    {
        if (records.ValueKind != JsonValueKind.Array)
        {
            throw ScoringInputException.BadRequest($"'{field}' must be a list of objects, one per row.");
        }

        var builder = new InputTableBuilder(catalog, records.GetArrayLength());
        var keys = new RecordKeys();
        var row = 0;
        foreach (var record in records.EnumerateArray())
        {
            RecordRow(record, row++, field, catalog, builder, keys);
        }

        return builder.Build();
    }

    /// <summary>
    /// Records nearly always list their keys in the same order: remember which input each position was, and only
    /// look a name up (allocating it) when the key at that position differs from the previous record's.
    /// </summary>
    public static void RecordRow(JsonElement record, int row, string field, InputCatalog catalog, InputTableBuilder builder, RecordKeys keys)
    {
        var names = keys.Names;
        var inputs = keys.Inputs;
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw ScoringInputException.BadRequest($"row {row + 1} of '{field}' must be an object of column: value; got {Shape(record)}.");
        }

        var position = 0;
        foreach (var cell in record.EnumerateObject())
        {
                int input;
                if (position < names.Count && cell.NameEquals(names[position]))
                {
                    input = inputs[position];
                }
                else
                {
                    var name = cell.Name;
                    input = catalog.IndexOf(name);
                    if (position < names.Count)
                    {
                        names[position] = name;
                        inputs[position] = input;
                    }
                    else
                    {
                        names.Add(name);
                        inputs.Add(input);
                    }
                }

                if (input >= 0)
                {
                    builder.Set(input, row, cell.Value);
                }

                position++;
        }
    }

    /// <summary>
    /// <c>instances</c>/<c>inputs</c> (TF-serving style): a list of records, a list of rows in schema order,
    /// or an object of columns (<c>{"col": [values]}</c> or <c>{"col": value}</c> for one row).
    /// </summary>
    private static Frame ReadTensorStyle(JsonElement value, InputCatalog catalog, string field)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return ReadColumns(value, catalog, field);
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw ScoringInputException.BadRequest($"'{field}' must be a list of rows or an object of columns.");
        }

        if (value.GetArrayLength() == 0)
        {
            throw ScoringInputException.BadRequest("The input has no rows.");
        }

        return value[0].ValueKind == JsonValueKind.Object ? ReadRecords(value, catalog, field) : ReadRows(value, catalog, field);
    }

    private static Frame ReadRows(JsonElement rows, InputCatalog catalog, string field)
    {
        var builder = RowsBuilder(catalog, rows.GetArrayLength());
        var row = 0;
        foreach (var values in rows.EnumerateArray())
        {
            ListRow(values, row++, field, catalog, builder);
        }

        return builder.Build();
    }

    public static InputTableBuilder RowsBuilder(InputCatalog catalog, int rowCount)
    {
        var builder = new InputTableBuilder(catalog, rowCount);
        for (var i = 0; i < catalog.Count; i++)
        {
            builder.MarkPresent(i);
        }

        return builder;
    }

    public static void ListRow(JsonElement values, int row, string field, InputCatalog catalog, InputTableBuilder builder)
    {
        if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() != catalog.Count)
        {
            throw ScoringInputException.BadRequest(
                $"row {row + 1} of '{field}' must be a list of {catalog.Count} values in the model's input order (GET /model); got {Shape(values)}.");
        }

        var input = 0;
        foreach (var cell in values.EnumerateArray())
        {
            builder.Set(input++, row, cell);
        }
    }

    public static Frame ReadColumns(JsonElement columns, InputCatalog catalog, string field)
    {
        var rowCount = -1;
        foreach (var column in columns.EnumerateObject())
        {
            var length = column.Value.ValueKind == JsonValueKind.Array ? column.Value.GetArrayLength() : 1;
            if (rowCount >= 0 && length != rowCount)
            {
                throw ScoringInputException.BadRequest($"The columns of '{field}' must all have the same length; '{column.Name}' has {length} values, an earlier one {rowCount}.");
            }

            rowCount = length;
        }

        var builder = new InputTableBuilder(catalog, Math.Max(rowCount, 0));
        foreach (var column in columns.EnumerateObject())
        {
            var input = catalog.IndexOf(column.Name);
            if (input < 0)
            {
                continue;
            }

            builder.MarkPresent(input);
            if (column.Value.ValueKind != JsonValueKind.Array)
            {
                builder.Set(input, 0, column.Value);
                continue;
            }

            var row = 0;
            foreach (var cell in column.Value.EnumerateArray())
            {
                builder.Set(input, row++, cell);
            }
        }

        return builder.Build();
    }

    public static ScoringInputException ParseFailed(string error) =>
        ScoringInputException.BadRequest($"Failed to parse input from JSON. Ensure that input is a valid JSON formatted string. Error: '{error}'");

    public static ScoringInputException NotAnObject(JsonValueKind root) =>
        ScoringInputException.BadRequest(
            $"{RequiredFormat}. Received {(root == JsonValueKind.Array ? "a list" : $"unexpected input type '{root.ToString().ToLowerInvariant()}'")}.");

    public static ScoringInputException NotOneFormat(List<string> fields) =>
        ScoringInputException.BadRequest($"{RequiredFormat}. Received dictionary with input fields: [{string.Join(", ", fields)}].");

    private static string Shape(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => $"a list of {value.GetArrayLength()}",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
