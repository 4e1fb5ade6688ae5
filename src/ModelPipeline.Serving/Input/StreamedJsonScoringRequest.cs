using System.Buffers;
using System.Text.Json;
using ModelPipeline.Data;

namespace ModelPipeline.Serving.Input;

/// <summary>
/// Reads a large JSON scoring request without a <see cref="JsonDocument"/> of the whole body: a first pass with
/// <see cref="Utf8JsonReader"/> over the body's segments checks the syntax and finds the top-level fields (so the
/// answers are those of <see cref="JsonScoringRequest"/>, in the same order), a second parses one row at a time
/// straight into the model's input columns. Only the columns form of <c>instances</c>/<c>inputs</c>
/// (<c>{"col": [values]}</c>) is still parsed as one document.
/// </summary>
internal static class StreamedJsonScoringRequest
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    public static Frame Read(ReadOnlySequence<byte> body, InputCatalog catalog, out bool explain)
    {
        var reader = new Utf8JsonReader(body, ReaderOptions);
        var parameters = default(Utf8JsonReader);
        var hasParameters = false;
        var format = default(Utf8JsonReader);
        string? formatName = null;
        var root = JsonTokenType.None;
        var fields = new List<string>();
        var formats = 0;
        try
        {
            while (reader.Read())
            {
                if (root == JsonTokenType.None)
                {
                    root = reader.TokenType;
                }

                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    var name = reader.GetString()!;
                    fields.Add($"'{name}'");
                    if (name == "params")
                    {
                        parameters = reader;
                        hasParameters = true;
                    }

                    if (name is "dataframe_split" or "dataframe_records" or "instances" or "inputs")
                    {
                        format = reader;
                        formatName = name;
                        formats++;
                    }
                }
            }
        }
        catch (JsonException e)
        {
            throw JsonScoringRequest.ParseFailed(e.Message);
        }

        if (root != JsonTokenType.StartObject)
        {
            throw JsonScoringRequest.NotAnObject(root switch
            {
                JsonTokenType.StartArray => JsonValueKind.Array,
                JsonTokenType.String => JsonValueKind.String,
                JsonTokenType.Number => JsonValueKind.Number,
                JsonTokenType.True => JsonValueKind.True,
                JsonTokenType.False => JsonValueKind.False,
                _ => JsonValueKind.Null,
            });
        }

        if (formats != 1)
        {
            throw JsonScoringRequest.NotOneFormat(fields);
        }

        explain = false;
        if (hasParameters)
        {
            // As JsonElement.EnumerateObject in the small-body path: the last "params" given counts.
            parameters.Read();
            using var document = JsonDocument.ParseValue(ref parameters);
            explain = InferenceParams.Explain(document.RootElement);
        }

        format.Read();
        return formatName switch
        {
            "dataframe_split" => ReadSplit(format, catalog),
            "dataframe_records" when format.TokenType != JsonTokenType.StartArray =>
                throw ScoringInputException.BadRequest("'dataframe_records' must be a list of objects, one per row."),
            "dataframe_records" => ReadRecords(format, catalog, "dataframe_records"),
            _ => ReadTensorStyle(format, catalog, formatName!),
        };
    }

    private static Frame ReadSplit(Utf8JsonReader reader, InputCatalog catalog)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw ScoringInputException.BadRequest("'dataframe_split' must be an object with \"columns\" and \"data\".");
        }

        // As JsonElement.TryGetProperty: a property given twice is its last value.
        var data = default(Utf8JsonReader);
        var hasData = false;
        JsonDocument? columns = null;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isData = reader.ValueTextEquals("data"u8);
                var isColumns = reader.ValueTextEquals("columns"u8);
                reader.Read();
                if (isData)
                {
                    data = reader;
                    hasData = true;
                }

                if (isColumns)
                {
                    columns?.Dispose();
                    columns = JsonDocument.ParseValue(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }

            if (!hasData || data.TokenType != JsonTokenType.StartArray)
            {
                throw ScoringInputException.BadRequest("'dataframe_split' needs \"data\": a list of rows, each a list of values.");
            }

            if (columns is null)
            {
                return ReadRows(data, catalog, "dataframe_split.data");
            }

            if (columns.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw ScoringInputException.BadRequest("'dataframe_split.columns' must be a list of column names.");
            }

            var map = JsonScoringRequest.ColumnMap(columns.RootElement, catalog);
            var builder = JsonScoringRequest.SplitBuilder(map, catalog, Count(data));
            var row = 0;
            while (data.Read() && data.TokenType != JsonTokenType.EndArray)
            {
                using var values = JsonDocument.ParseValue(ref data);
                JsonScoringRequest.SplitRow(values.RootElement, row++, map, builder);
            }

            return builder.Build();
        }
        finally
        {
            columns?.Dispose();
        }
    }

    private static Frame ReadTensorStyle(Utf8JsonReader reader, InputCatalog catalog, string field)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            using var columns = JsonDocument.ParseValue(ref reader);
            return JsonScoringRequest.ReadColumns(columns.RootElement, catalog, field);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw ScoringInputException.BadRequest($"'{field}' must be a list of rows or an object of columns.");
        }

        if (Count(reader) == 0)
        {
            throw ScoringInputException.BadRequest("The input has no rows.");
        }

        var first = reader;
        first.Read();
        return first.TokenType == JsonTokenType.StartObject ? ReadRecords(reader, catalog, field) : ReadRows(reader, catalog, field);
    }

    private static Frame ReadRecords(Utf8JsonReader reader, InputCatalog catalog, string field)
    {
        var builder = new InputTableBuilder(catalog, Count(reader));
        var keys = new RecordKeys();
        var row = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            using var record = JsonDocument.ParseValue(ref reader);
            JsonScoringRequest.RecordRow(record.RootElement, row++, field, catalog, builder, keys);
        }

        return builder.Build();
    }

    private static Frame ReadRows(Utf8JsonReader reader, InputCatalog catalog, string field)
    {
        var builder = JsonScoringRequest.RowsBuilder(catalog, Count(reader));
        var row = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            using var values = JsonDocument.ParseValue(ref reader);
            JsonScoringRequest.ListRow(values.RootElement, row++, field, catalog, builder);
        }

        return builder.Build();
    }

    /// <summary>The number of items of the array whose start the (copied) reader is on.</summary>
    private static int Count(Utf8JsonReader reader)
    {
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            count++;
            reader.Skip();
        }

        return count;
    }
}
