using System.Buffers;
using ModelPipeline.Data;

namespace ModelPipeline.Serving.Input;

/// <summary>
/// Reads a <c>text/csv</c> scoring request (a header row, then one row per record; empty cells are missing) into a
/// frame of the model's inputs. Columns are read as the kinds the model declares, never re-inferred from the few
/// rows of a request.
/// </summary>
internal static class CsvScoringRequest
{
    private const string DisplayName = "request body";

    public static Frame Read(ReadOnlySequence<byte> body, InputCatalog catalog)
    {
        var kinds = new Dictionary<string, ColumnKind>(StringComparer.Ordinal);
        foreach (var name in HeaderNames(body))
        {
            var input = catalog.IndexOf(name);
            if (input >= 0)
            {
                // Model inputs are read as text and converted below, so a bad cell is reported as row/column.
                kinds[name] = ColumnKind.Categorical;
            }
        }

        Frame table;
        try
        {
            table = CsvFrameReader.Read(new SequenceStream(body), DisplayName, new CsvReadOptions { Kinds = kinds, MissingTokens = [] });
        }
        catch (DataFormatException e)
        {
            throw ScoringInputException.BadRequest($"Failed to parse input as CSV: {e.Message}");
        }

        var builder = new InputTableBuilder(catalog, table.RowCount);
        foreach (var column in table.Columns)
        {
            var input = catalog.IndexOf(column.Name);
            if (input < 0)
            {
                continue;
            }

            builder.MarkPresent(input);
            for (var row = 0; row < table.RowCount; row++)
            {
                builder.SetText(input, row, column.GetText(row));
            }
        }

        return builder.Build();
    }

    /// <summary>The names in the first record (quotes removed); enough to decide which kinds to declare.</summary>
    private static List<string> HeaderNames(ReadOnlySequence<byte> body)
    {
        var text = System.Text.EncodingExtensions.GetString(System.Text.Encoding.UTF8, body.Slice(0, Math.Min(body.Length, 1 << 20))).TrimStart('\uFEFF');
        var names = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var ch in text)
        {
            if (quoted)
            {
                if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                names.Add(current.ToString().Trim());
                current.Clear();
            }
            else if (ch is '\n' or '\r')
            {
                break;
            }
            else
            {
                current.Append(ch);
            }
        }

        names.Add(current.ToString().Trim());
        return names;
    }
}
