namespace ModelPipeline.Data.Tests;

/// <summary>Frame equality down to the bits of every value, code and level.</summary>
internal static class FrameAssert
{
    public static void Identical(Frame expected, Frame actual)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        foreach (var column in expected.Columns)
        {
            var other = actual[column.Name];
            Assert.Equal(column.Kind, other.Kind);
            Assert.Equal(column.Categories, other.Categories);
            if (column.Numbers is { } numbers)
            {
                Assert.Equal(numbers.Select(BitConverter.DoubleToInt64Bits), other.Numbers!.Select(BitConverter.DoubleToInt64Bits));
            }
            else
            {
                Assert.Equal(column.Codes, other.Codes);
            }
        }
    }
}
