using System.IO.Compression;
using System.Text;

namespace ModelPipeline.Data.Tests;

public sealed class CsvFrameReaderTests
{
    private static Frame ReadText(string csv, CsvReadOptions? options = null, string name = "data/x.csv") =>
        CsvFrameReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), name, options);

    private static DataFormatException Failure(string csv, CsvReadOptions? options = null) =>
        Assert.Throws<DataFormatException>(() => ReadText(csv, options));

    [Fact]
    public void Read_Churn_Has7043RowsAndExpectedKinds()
    {
        var churn = CsvFrameReader.Read(TestData.PathOf("churn.csv"));

        Assert.Equal(7043, churn.RowCount);
        Assert.Equal(20, churn.Columns.Count);
        var totalCharges = churn["total_charges"];
        Assert.Equal(ColumnKind.Numeric, totalCharges.Kind);
        Assert.Equal(11, Enumerable.Range(0, churn.RowCount).Count(totalCharges.IsMissing));
        Assert.Equal(29.85, totalCharges.Numbers![0]);
        foreach (var text in new[] { "multiple_lines", "internet_service", "contract", "payment_method", "online_security" })
        {
            Assert.Equal(ColumnKind.Categorical, churn[text].Kind);
        }

        Assert.Equal(["Month-to-month", "One year", "Two year"], churn["contract"].Categories);
        Assert.Equal(1869, churn["churn"].Numbers!.Count(v => v == 1));
    }

    [Fact]
    public void Read_QuotedFields_KeepCommasEscapedQuotesAndLineBreaks()
    {
        var frame = ReadText("id,text,n\r\n1,\"a, b\",1\r\n2,\"say \"\"hi\"\"\",2\r\n3,\"two\nlines\",3\r\n4,plain,4\r\n");

        Assert.Equal(4, frame.RowCount);
        Assert.Equal(["a, b", "say \"hi\"", "two\nlines", "plain"], Enumerable.Range(0, 4).Select(frame["text"].GetText));
        Assert.Equal([1.0, 2, 3, 4], frame["n"].Numbers!);
    }

    [Fact]
    public void Read_ShortRow_NamesLineAndFirstMissingColumn()
    {
        var failure = Failure("a,b,c,d\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3\n");

        Assert.Equal("data/x.csv:5: row has 3 fields, the header has 4 (missing from 'd' on)", failure.Message);
        Assert.Equal(5, failure.Line);
    }

    [Fact]
    public void Read_LongRow_NamesLine()
    {
        var failure = Failure("a,b\n1,2\n1,2,3\n");

        Assert.Equal("data/x.csv:3: row has 3 fields, the header has 2", failure.Message);
    }

    [Fact]
    public void Read_RowAfterMultilineField_CountsPhysicalLines()
    {
        var failure = Failure("a,b\n\"x\ny\",2\n1\n");

        Assert.Equal(4, failure.Line);
    }

    [Fact]
    public void Read_TextInDeclaredNumericColumn_NamesLineAndColumn()
    {
        var options = new CsvReadOptions { Kinds = new Dictionary<string, ColumnKind> { ["b"] = ColumnKind.Numeric } };

        var failure = Failure("a,b\nx,1\ny,2\nz,three\n", options);

        Assert.Equal("data/x.csv:4: column 'b': 'three' is not a number, and the column is declared numeric", failure.Message);
        Assert.Equal(("b", 4L), (failure.ColumnName, failure.Line));
    }

    [Fact]
    public void Read_UnclosedQuote_NamesTheRecordsLine()
    {
        var failure = Failure("a,b\n1,2\n3,\"open\n4,5\n");

        Assert.Equal("data/x.csv:3: a quoted field is not closed before the end of the file", failure.Message);
    }

    [Fact]
    public void Read_UnknownDeclaredColumn_ListsColumns()
    {
        var options = new CsvReadOptions { Ignore = ["nope"] };

        var failure = Failure("a,b\n1,2\n", options);

        Assert.Equal("data/x.csv:1: column 'nope': no such column in the header; columns are a, b", failure.Message);
    }

    [Fact]
    public void Read_MixedColumn_BecomesCategoricalInFirstSeenOrder()
    {
        var frame = ReadText("a\n2\n1.5\nx\n2\n\n");

        var column = frame["a"];
        Assert.Equal(ColumnKind.Categorical, column.Kind);
        Assert.Equal(["2", "1.5", "x"], column.Categories);
        Assert.Equal([0, 1, 2, 0], column.Codes!);
    }

    [Fact]
    public void Read_MissingTokensAndEmptyCells_AreMissing()
    {
        var options = new CsvReadOptions { MissingTokens = ["NA", "?"] };

        var frame = ReadText("n,c\n1,x\nNA,?\n,\n2,y\n", options);

        Assert.Equal(ColumnKind.Numeric, frame["n"].Kind);
        Assert.Equal([false, true, true, false], Enumerable.Range(0, 4).Select(frame["n"].IsMissing));
        Assert.Equal([0, -1, -1, 1], frame["c"].Codes!);
    }

    [Fact]
    public void Read_YesNoColumn_IsBoolean()
    {
        var frame = ReadText("flag\nYes\nNo\n\"\"\nYes\n");

        Assert.Equal(ColumnKind.Boolean, frame["flag"].Kind);
        Assert.Equal([1.0, 0, double.NaN, 1], frame["flag"].Numbers!);
    }

    [Fact]
    public void Read_DeclaredBoolean_TakesYesNoAndZeroOne()
    {
        var options = new CsvReadOptions { Kinds = new Dictionary<string, ColumnKind> { ["f"] = ColumnKind.Boolean } };

        var frame = ReadText("f\nYes\nno\n1\n0\nTRUE\n", options);

        Assert.Equal(ColumnKind.Boolean, frame["f"].Kind);
        Assert.Equal([1.0, 0, 1, 0, 1], frame["f"].Numbers!);
        Assert.Equal(
            "data/x.csv:2: column 'f': '2' is not true/false, yes/no or 1/0, and the column is declared boolean",
            Failure("f\n2\n", options).Message);
    }

    [Fact]
    public void Read_IgnoredColumn_IsNotLoaded()
    {
        var frame = ReadText("id,a\nx1,1\nx2,2\n", new CsvReadOptions { Ignore = ["id"] });

        Assert.Equal(["a"], frame.ColumnNames);
    }

    [Fact]
    public void Read_GzipFile_ReadsLikePlain()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "x.csv.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes("a,b\n1,x\n2,y\n"));
        }

        var frame = CsvFrameReader.Read(path);

        Assert.Equal(2, frame.RowCount);
        Assert.Equal([1.0, 2], frame["a"].Numbers!);
        Assert.Equal(["x", "y"], frame["b"].Categories);
    }

    [Fact]
    public void Read_Utf8BomAndNoFinalNewline_AreFine()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("name,v\nZürich,1\nÅre,2")).ToArray();

        var frame = CsvFrameReader.Read(new MemoryStream(bytes), "x.csv");

        Assert.Equal(["Zürich", "Åre"], frame["name"].Categories);
        Assert.Equal([1.0, 2], frame["v"].Numbers!);
    }

    [Fact]
    public void Read_EmptyFile_SaysHeaderExpected()
    {
        var failure = Failure("");

        Assert.Equal("data/x.csv:1: the file is empty; expected a header row", failure.Message);
    }

    [Fact]
    public void Read_MissingFile_NamesThePath()
    {
        var failure = Assert.Throws<FileNotFoundException>(() => CsvFrameReader.Read("data/nope.csv"));

        Assert.Equal("Data file 'data/nope.csv' does not exist.", failure.Message);
    }
}
