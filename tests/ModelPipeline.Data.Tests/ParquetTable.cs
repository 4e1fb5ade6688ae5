using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace ModelPipeline.Data.Tests;

/// <summary>A small table written to Parquet by Parquet.Net (several row groups) and to the same CSV text.</summary>
internal sealed class ParquetTable
{
    private static readonly string[] Airports = ["ATL", "ORD", "DFW", "LAX", "DEN", "NA"];

    public required int[] Hour { get; init; }

    public required double?[] Ratio { get; init; }

    public required string?[] Origin { get; init; }

    public required bool?[] Flag { get; init; }

    public static ParquetTable Sample(int rows) => new()
    {
        Hour = [.. Enumerable.Range(0, rows).Select(i => (i * 7) % 24)],
        Ratio = [.. Enumerable.Range(0, rows).Select(i => i % 10 == 3 ? (double?)null : i % 31 == 4 ? double.NaN : ((i * 13) % 400) / 4.0 - 20)],
        Origin = [.. Enumerable.Range(0, rows).Select(i => i % 15 == 2 ? null : Airports[(i * 5 + (i / 7)) % Airports.Length])],
        Flag = [.. Enumerable.Range(0, rows).Select(i => i % 11 == 9 ? (bool?)null : i % 3 == 1)],
    };

    public static void Write(ParquetTable table, string path, int rowGroupRows) => WriteAsync(table, path, rowGroupRows).GetAwaiter().GetResult();

    public string Csv()
    {
        var text = new StringBuilder("hour,ratio,origin,flag\n");
        for (var i = 0; i < Hour.Length; i++)
        {
            var ratio = Ratio[i] is { } r ? r.ToString("R", CultureInfo.InvariantCulture) : "";
            var flag = Flag[i] is { } f ? (f ? "true" : "false") : "";
            text.Append(CultureInfo.InvariantCulture, $"{Hour[i]},{ratio},{Origin[i]},{flag}\n");
        }

        return text.ToString();
    }

    private static async Task WriteAsync(ParquetTable table, string path, int rowGroupRows)
    {
        var hour = new DataField<int>("hour");
        var ratio = new DataField<double?>("ratio");
        var origin = new DataField<string>("origin", true);
        var flag = new DataField<bool?>("flag");
        await using var file = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(hour, ratio, origin, flag), file);
        for (var start = 0; start < table.Hour.Length; start += rowGroupRows)
        {
            var end = Math.Min(table.Hour.Length, start + rowGroupRows);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<int>(hour, table.Hour.AsMemory(start..end));
            await group.WriteAsync<double>(ratio, table.Ratio.AsMemory(start..end));
            await group.WriteAsync(origin, table.Origin[start..end]!);
            await group.WriteAsync<bool>(flag, table.Flag.AsMemory(start..end));
        }
    }
}
