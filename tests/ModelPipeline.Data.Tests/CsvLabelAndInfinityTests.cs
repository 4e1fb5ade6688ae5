using System.Text;

namespace ModelPipeline.Data.Tests;

public sealed class CsvLabelAndInfinityTests
{
    private static Frame ReadText(string csv, CsvReadOptions? options = null) =>
        CsvFrameReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "data/x.csv", options);

    private static DataFormatException Failure(string csv, CsvReadOptions? options = null) =>
        Assert.Throws<DataFormatException>(() => ReadText(csv, options));

    [Theory]
    [InlineData("a,y\n1,0\n2,\n3,1\n")]
    [InlineData("a,y\n1,0\n2,NA\n3,1\n")]
    public void Read_RowWithoutLabel_NamesItsLine(string csv)
    {
        var failure = Failure(csv, new CsvReadOptions { Label = "y" });

        Assert.Equal("data/x.csv:3: column 'y': the label is missing; every row needs one (fill it in or remove the row)", failure.Message);
    }

    [Fact]
    public void Read_MissingFeature_StaysMissingWhenALabelIsNamed()
    {
        var frame = ReadText("a,y\n1,0\n,1\n", new CsvReadOptions { Label = "y" });

        Assert.True(frame["a"].IsMissing(1));
    }

    [Fact]
    public void Read_LabelOutsideItsClasses_NamesTheLineAndTheClasses()
    {
        var options = new CsvReadOptions { Label = "y", LabelClasses = ["0", "1"] };

        var failure = Failure("a,y\n1,0\n2,1.0\n3,1\n4,maybe\n5,0\n", options);

        Assert.Equal("data/x.csv:5: column 'y': 'maybe' is not one of the label's classes ('0', '1')", failure.Message);
    }

    [Theory]
    [InlineData("inf")]
    [InlineData("-Inf")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    public void Read_InfiniteNumber_IsRefusedNamingLineAndColumn(string cell)
    {
        var failure = Failure($"a,b\n1,2\n{cell},3\n");

        Assert.Equal(("a", 3L), (failure.ColumnName, failure.Line));
        Assert.Contains($"'{cell}' is an infinite number; infinite values are refused", failure.Message);
    }

    [Fact]
    public void Read_InfInATextColumn_IsJustText()
    {
        var frame = ReadText("a,b\nx,1\ninf,2\n");

        Assert.Equal("inf", frame["a"].GetText(1));
    }
}
