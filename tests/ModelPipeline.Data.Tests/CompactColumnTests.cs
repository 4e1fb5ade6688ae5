using System.Text;

namespace ModelPipeline.Data.Tests;

/// <summary>Numeric columns take the narrowest storage that keeps every value exactly, and give the same numbers back.</summary>
public sealed class CompactColumnTests
{
    [Theory]
    [InlineData(new[] { 0.0, 1, 23, 254, double.NaN }, 1)]
    [InlineData(new[] { 0.0, 255, 4962, 65534, double.NaN }, 2)]
    [InlineData(new[] { 0.5, -3, 1099511627776, 65535, double.NaN }, 4)]
    [InlineData(new[] { 29.85, 1, double.NaN }, 8)]
    [InlineData(new[] { -0.0, 1 }, 4)]
    public void Numeric_NarrowestLosslessStorage_SameNumbersBack(double[] values, int bytesPerValue)
    {
        var column = Column.Numeric("x", (double[])values.Clone());

        Assert.Equal(bytesPerValue, column.BytesPerValue);
        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), column.Numbers!.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(values.Select(double.IsNaN), Enumerable.Range(0, values.Length).Select(column.IsMissing));
        Assert.Equal(values[^1], column.Number(values.Length - 1));
        Assert.Equal(values.Reverse(), column.Take([.. Enumerable.Range(0, values.Length).Reverse()]).Numbers!);
    }

    [Fact]
    public void Read_FlightsLikeColumns_OneOrTwoBytesPerValue()
    {
        var csv = new StringBuilder("month,dep_hour,distance,delayed,origin\n");
        for (var i = 0; i < 1000; i++)
        {
            csv.Append(1 + (i % 6)).Append(',').Append(i % 24).Append(',').Append(100 + (i * 7)).Append(',').Append(i % 5 == 0 ? 1 : 0).Append(",ORD\n");
        }

        var frame = CsvFrameReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "flights.csv");

        Assert.Equal([1, 1, 2, 1, 4], frame.Columns.Select(c => c.BytesPerValue));
        Assert.Equal(100 + (999 * 7), frame["distance"].Number(999));
    }
}
