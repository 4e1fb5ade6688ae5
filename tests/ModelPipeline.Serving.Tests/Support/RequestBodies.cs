using System.Globalization;
using System.Text;
using System.Text.Json;
using ModelPipeline.Data;

namespace ModelPipeline.Serving.Tests.Support;

/// <summary>Scoring request bodies in each MLflow input format, built from rows of a frame.</summary>
internal static class RequestBodies
{
    public static string Split(Frame frame, int[] rows, string[] columns) => Json(w =>
    {
        w.WriteStartObject("dataframe_split");
        w.WriteStartArray("columns");
        foreach (var c in columns)
        {
            w.WriteStringValue(c);
        }

        w.WriteEndArray();
        w.WriteStartArray("index");
        foreach (var r in rows)
        {
            w.WriteNumberValue(r);
        }

        w.WriteEndArray();
        w.WriteStartArray("data");
        foreach (var r in rows)
        {
            w.WriteStartArray();
            foreach (var c in columns)
            {
                Cell(w, frame[c], r);
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static string Records(string field, Frame frame, int[] rows, string[] columns) => Json(w =>
    {
        w.WriteStartArray(field);
        foreach (var r in rows)
        {
            w.WriteStartObject();
            foreach (var c in columns)
            {
                w.WritePropertyName(c);
                Cell(w, frame[c], r);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public static string Columns(string field, Frame frame, int[] rows, string[] columns) => Json(w =>
    {
        w.WriteStartObject(field);
        foreach (var c in columns)
        {
            w.WriteStartArray(c);
            foreach (var r in rows)
            {
                Cell(w, frame[c], r);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    });

    /// <summary>Rows as plain lists, in the order of <paramref name="columns"/> (which must be the model's input order).</summary>
    public static string Rows(string field, Frame frame, int[] rows, string[] columns) => Json(w =>
    {
        w.WriteStartArray(field);
        foreach (var r in rows)
        {
            w.WriteStartArray();
            foreach (var c in columns)
            {
                Cell(w, frame[c], r);
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
    });

    public static string Csv(Frame frame, int[] rows, string[] columns)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(Quote)).Append('\n');
        foreach (var r in rows)
        {
            text.AppendJoin(',', columns.Select(c => frame[c].GetText(r) is { } v ? Quote(v) : string.Empty)).Append('\n');
        }

        return text.ToString();
    }

    private static string Quote(string value) =>
        value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) || value.Contains(' ', StringComparison.Ordinal)
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;

    private static void Cell(Utf8JsonWriter w, Column column, int row)
    {
        if (column.IsMissing(row))
        {
            w.WriteNullValue();
        }
        else if (column.Numbers is { } numbers)
        {
            w.WriteNumberValue(numbers[row]);
        }
        else
        {
            w.WriteStringValue(column.GetText(row));
        }
    }

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
