using ModelPipeline.Data;

namespace ModelPipeline.Build.Tests;

/// <summary>The benchmark's parts that need no peers and no download: the flights columns, the split files, kept rows.</summary>
public sealed class BenchmarkDataTests
{
    [Fact]
    public void Derive_FlightsParquetColumns_GivesTheColumnsFlightsCsvHad()
    {
        // 2001-01-01 was a Monday; 2001-06-30 a Saturday.
        var raw = new Frame(
        [
            Column.Categorical("date", [0, 1, 0, -1], ["2001-01-01T00:01:00", "2001-06-30T23:59:00"]),
            Column.Numeric("delay", [16, 15, -3, 40]),
            Column.Numeric("distance", [2176, 215, 405, 100]),
            Column.Categorical("origin", [0, 1, 0, 1], ["LAS", "ATL"]),
            Column.Categorical("destination", [0, 0, 1, 1], ["PHL", "SAV"]),
        ]);

        var flights = FlightsColumns.Derive(raw);

        Assert.Equal(["month", "day_of_month", "day_of_week", "dep_hour", "dep_minute_of_day", "distance", "origin", "destination", "delayed"], flights.ColumnNames);
        Assert.Equal([1.0, 6, 1, double.NaN], flights["month"].Numbers!);
        Assert.Equal([1.0, 30, 1, double.NaN], flights["day_of_month"].Numbers!);
        Assert.Equal([0.0, 5, 0, double.NaN], flights["day_of_week"].Numbers!);
        Assert.Equal([0.0, 23, 0, double.NaN], flights["dep_hour"].Numbers!);
        Assert.Equal([1.0, 1439, 1, double.NaN], flights["dep_minute_of_day"].Numbers!);
        Assert.Equal([1.0, 0, 0, 1], flights["delayed"].Numbers!);
        Assert.Equal(["LAS", "ATL"], flights["origin"].Categories);
    }

    [Fact]
    public void Write_SplitForPeers_ReadsBackAsTheSameFrame()
    {
        var frame = new Frame(
        [
            Column.Numeric("x", [1.5, double.NaN, -2, 1e-7]),
            Column.Categorical("city", [0, -1, 1, 0], ["Oslo", "Kraków, \"old\" town"]),
            Column.Numeric("y", [0, 1, 1, 0]),
        ]);
        var path = Path.Combine(Path.GetTempPath(), $"mp-split-{Guid.NewGuid():N}.csv");
        try
        {
            FrameCsvWriter.Write(frame, path);
            var back = CsvFrameReader.Read(path);

            Assert.Equal(frame.ColumnNames, back.ColumnNames);
            Assert.Equal(frame["x"].Numbers!, back["x"].Numbers!);
            Assert.Equal(frame["city"].Categories, back["city"].Categories);
            Assert.Equal(frame["city"].Codes!, back["city"].Codes!);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
