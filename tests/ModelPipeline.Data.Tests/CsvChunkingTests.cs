using System.Text;

namespace ModelPipeline.Data.Tests;

/// <summary>The parallel reader gives the same frame whatever the thread count and chunk size.</summary>
public sealed class CsvChunkingTests
{
    private static Frame Read(string csv, int threads, int chunkBytes, CsvReadOptions? options = null)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        return CsvFrameReader.Read(() => new MemoryStream(bytes), "data/x.csv", options ?? new CsvReadOptions(), threads, chunkBytes);
    }

    private static Frame ReadFile(string path, int threads, int chunkBytes) =>
        CsvFrameReader.Read(() => CsvFrameReader.OpenFile(path), path, new CsvReadOptions(), threads, chunkBytes);

    [Theory]
    [InlineData(1, 64)]
    [InlineData(2, 4096)]
    [InlineData(4, 100_000)]
    public void Read_Churn_SameFrameForAnyThreadsAndChunkSize(int threads, int chunkBytes)
    {
        var expected = ReadFile(TestData.PathOf("churn.csv"), 1, 1 << 30);

        FrameAssert.Identical(expected, ReadFile(TestData.PathOf("churn.csv"), threads, chunkBytes));
    }

    [Fact]
    public void Read_FlightsSample_SameFrameSequentialAndParallel()
    {
        var path = TestData.PathOf("flights_q1_sample.csv");

        var sequential = ReadFile(path, 1, 1 << 20);
        var parallel = ReadFile(path, 3, 64 << 10);

        Assert.Equal(100_000, parallel.RowCount);
        Assert.Equal(ColumnKind.Categorical, parallel["origin"].Kind);
        FrameAssert.Identical(sequential, parallel);
    }

    [Fact]
    public void Read_QuotedLineBreaksAcrossChunks_KeepRecordsWhole()
    {
        var csv = new StringBuilder("id,note,value\n");
        for (var i = 0; i < 300; i++)
        {
            csv.Append(i).Append(i % 3 == 0 ? ",\"line one\nline \"\"two\"\", end\"," : ",plain,").Append(i * 0.5).Append('\n');
        }

        var expected = Read(csv.ToString(), 1, 1 << 20);
        var chunked = Read(csv.ToString(), 2, 32);

        Assert.Equal(300, chunked.RowCount);
        Assert.Equal("line one\nline \"two\", end", chunked["note"].GetText(0));
        FrameAssert.Identical(expected, chunked);
    }

    [Fact]
    public void Read_NumbersFirstTextLater_KeepsOriginalSpellings()
    {
        var csv = "code,n\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"{i:000},{i}\n")) + "A1,200\n";

        var frame = Read(csv, 2, 64);

        var code = frame["code"];
        Assert.Equal(ColumnKind.Categorical, code.Kind);
        Assert.Equal("000", code.GetText(0));
        Assert.Equal("007", code.GetText(7));
        Assert.Equal("A1", code.GetText(200));
        Assert.Equal(201, code.Categories.Count);
        FrameAssert.Identical(Read(csv, 1, 1 << 20), frame);
    }

    [Fact]
    public void Read_ErrorInLaterChunk_NamesItsLine()
    {
        var csv = "a,b\n" + string.Concat(Enumerable.Range(0, 500).Select(i => $"{i},{i}\n")) + "1\n";

        var failure = Assert.Throws<DataFormatException>(() => Read(csv, 2, 128));

        Assert.Equal("data/x.csv:502: row has 1 fields, the header has 2 (missing from 'b' on)", failure.Message);
    }

    [Fact]
    public void Read_MissingOnlyChunksOfTextColumn_StayMissing()
    {
        var csv = "t,n\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $",{i}\n")) + "x,1\n";

        var frame = Read(csv, 2, 48);

        Assert.Equal(ColumnKind.Categorical, frame["t"].Kind);
        Assert.Equal(100, frame["t"].Codes!.Count(c => c == -1));
        Assert.Equal(["x"], frame["t"].Categories);
    }

    [Theory]
    [InlineData(10L)]
    [InlineData(1_000_000L)]
    [InlineData(null)]
    public void Read_WrongSizeEstimate_StillExactRows(long? expectedBytes)
    {
        var csv = "a,b\n" + string.Concat(Enumerable.Range(0, 3000).Select(i => $"{i},{(char)('a' + (i % 26))}\n"));
        var bytes = Encoding.UTF8.GetBytes(csv);

        var frame = CsvFrameReader.Read(() => new MemoryStream(bytes), "x.csv", new CsvReadOptions(), 2, 256, expectedBytes);

        Assert.Equal(3000, frame.RowCount);
        Assert.Equal(2999.0, frame["a"].Numbers![^1]);
        Assert.Equal(26, frame["b"].Categories.Count);
    }

    [Fact]
    public void Read_HeaderOnly_GivesEmptyFrame()
    {
        var frame = Read("a,b\r\n", 2, 64);

        Assert.Equal(0, frame.RowCount);
        Assert.Equal(["a", "b"], frame.ColumnNames);
    }

    [Fact]
    public void Read_NonSeekableStream_Works()
    {
        var bytes = Encoding.UTF8.GetBytes("a,b\n1,x\n2,y\n");
        using var stream = new NonSeekable(new MemoryStream(bytes));

        var frame = CsvFrameReader.Read(stream, "body.csv");

        Assert.Equal([1.0, 2], frame["a"].Numbers!);
    }

    private sealed class NonSeekable(Stream inner) : MemoryStream
    {
        public override bool CanSeek => false;

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);
    }
}
