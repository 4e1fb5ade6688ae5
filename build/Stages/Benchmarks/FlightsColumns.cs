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
        var levels = date.Categories.Select(Parse).ToArray();
        var codes = date.Codes ?? throw new InvalidOperationException("flights: 'date' is not a timestamp column");
        var rows = raw.RowCount;
        double[] month = new double[rows], day = new double[rows], weekday = new double[rows], hour = new double[rows], minute = new double[rows];
        for (var row = 0; row < rows; row++)
        {
            var code = codes[row];
            if (code < 0)
            {
                month[row] = day[row] = weekday[row] = hour[row] = minute[row] = double.NaN;
                continue;
            }

            var time = levels[code];
            month[row] = time.Month;
            day[row] = time.Day;
            weekday[row] = ((int)time.DayOfWeek + 6) % 7;
            hour[row] = time.Hour;
            minute[row] = (time.Hour * 60) + time.Minute;
        }

        var delay = raw["delay"].Numbers!;
        var delayed = new double[rows];
        for (var row = 0; row < rows; row++)
        {
            delayed[row] = double.IsNaN(delay[row]) ? double.NaN : delay[row] > 15 ? 1 : 0;
        }

        return new Frame(
        [
            Column.Numeric("month", month),
            Column.Numeric("day_of_month", day),
            Column.Numeric("day_of_week", weekday),
            Column.Numeric("dep_hour", hour),
            Column.Numeric("dep_minute_of_day", minute),
            raw["distance"],
            raw["origin"],
            raw["destination"],
            Column.Numeric("delayed", delayed),
        ]);
    }

    private static DateTime Parse(string level) =>
        DateTime.ParseExact(level, ["yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.None);
}
