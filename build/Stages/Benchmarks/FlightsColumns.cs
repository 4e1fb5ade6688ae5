using System.Globalization;
using ModelPipeline.Data;

namespace ModelPipeline.Build;

/// <summary>
/// The benchmark's flights table from vega-datasets' flights-3m.parquet (date, delay, distance, origin, destination):
/// the columns the earlier flights.csv.gz was derived with, in its order — month, day_of_month, day_of_week (0 = Monday),
/// dep_hour, dep_minute_of_day (from the scheduled departure <c>date</c>), distance, origin, destination, and delayed
/// (1 when the departure delay is over 15 minutes). Each distinct timestamp is parsed once.
/// </summary>
internal static class FlightsColumns
{
    public static Frame Derive(Frame raw)
    {
        var date = raw["date"];
        var codes = date.Codes ?? throw new InvalidOperationException("flights: 'date' is not a timestamp column");
        var times = date.Categories.Select(Parse).ToArray();

        // One column at a time through one buffer (each compacts to bytes or 16 bits, keeping no reference to it), so
        // that deriving adds one 3M-row array of doubles to the peak memory, not six.
        var buffer = new double[raw.RowCount];
        Column FromDate(string name, Func<DateTime, int> part)
        {
            var levels = times.Select(t => (double)part(t)).ToArray();
            for (var row = 0; row < codes.Length; row++)
            {
                buffer[row] = codes[row] < 0 ? double.NaN : levels[codes[row]];
            }

            return Compact(name, buffer);
        }

        var delay = raw["delay"];
        for (var row = 0; row < buffer.Length; row++)
        {
            var minutes = delay.Number(row);
            buffer[row] = double.IsNaN(minutes) ? double.NaN : minutes > 15 ? 1 : 0;
        }

        var delayed = Compact("delayed", buffer);
        return new Frame(
        [
            FromDate("month", t => t.Month),
            FromDate("day_of_month", t => t.Day),
            FromDate("day_of_week", t => ((int)t.DayOfWeek + 6) % 7),
            FromDate("dep_hour", t => t.Hour),
            FromDate("dep_minute_of_day", t => (t.Hour * 60) + t.Minute),
            raw["distance"],
            raw["origin"],
            raw["destination"],
            delayed,
        ]);
    }

    /// <summary>A numeric column of the buffer's values; the buffer may be reused after (the column keeps a narrower copy).</summary>
    private static Column Compact(string name, double[] buffer)
    {
        var column = Column.Numeric(name, buffer);
        return column.BytesPerValue < sizeof(double) ? column : Column.Numeric(name, (double[])buffer.Clone());
    }

    private static DateTime Parse(string level) =>
        DateTime.ParseExact(level, ["yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.None);
}
