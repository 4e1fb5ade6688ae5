namespace ModelPipeline.Data.Tests;

public sealed class ParquetFrameReaderTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>Same frame, and the same storage width for every numeric column.</summary>
    private static void SameFrame(Frame expected, Frame actual)
    {
        FrameAssert.Identical(expected, actual);
        Assert.Equal(expected.Columns.Select(c => c.BytesPerValue), actual.Columns.Select(c => c.BytesPerValue));
    }

    [Fact]
    public void Read_FileWrittenByArrowRs_SameFrameAsTheSameTableInCsv()
    {
        var parquet = FrameReader.Read(Fixture("peer.parquet"));
        var csv = FrameReader.Read(Fixture("peer.csv"));

        SameFrame(csv, parquet);
        Assert.Equal(60, parquet.RowCount);
        Assert.Equal(
            [ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Categorical, ColumnKind.Boolean,
             ColumnKind.Boolean, ColumnKind.Numeric, ColumnKind.Categorical, ColumnKind.Categorical],
            parquet.Columns.Select(c => c.Kind));
        Assert.Equal(2, parquet["visits"].BytesPerValue); // int64 0..999 with nulls: 16-bit storage
        Assert.Equal(11, Enumerable.Range(0, 60).Count(parquet["amount"].IsMissing)); // 6 nulls + 5 NaN
        Assert.Equal(["Oslo", "Zürich", "Kraków", "Tromsø", "Bergen"], parquet["city"].Categories); // trimmed, "NA" missing
        Assert.Equal("2001-01-01T00:00:30", parquet["departed"].GetText(0));
        Assert.Null(parquet["departed"].GetText(6));
    }

    [Fact]
    public void Read_DeclaredKindsIgnoredColumnsAndMissingTokens_ApplyAsToCsv()
    {
        var options = new CsvReadOptions
        {
            Kinds = new Dictionary<string, ColumnKind>
            {
                ["id"] = ColumnKind.Categorical,
                ["code"] = ColumnKind.Categorical,
                ["member"] = ColumnKind.Categorical,
                ["answer"] = ColumnKind.Boolean,
                ["visits"] = ColumnKind.Numeric,
            },
            Ignore = ["day", "amount"],
            MissingTokens = ["NA", "Oslo"],
        };

        var parquet = ParquetFrameReader.Read(Fixture("peer.parquet"), options);

        SameFrame(CsvFrameReader.Read(Fixture("peer.csv"), options), parquet);
        Assert.Equal(["1", "2", "3"], parquet["id"].Categories.Take(3));
        Assert.DoesNotContain("Oslo", parquet["city"].Categories);
    }

    [Fact]
    public void Read_FileWrittenByParquetNet_SameFrameAsCsvForAnyThreadCount()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "written.parquet");
        var table = ParquetTable.Sample(1000);
        ParquetTable.Write(table, path, rowGroupRows: 128);
        var csv = folder.Write("written.csv", table.Csv());

        var one = ParquetFrameReader.Read(path, path, new CsvReadOptions(), threads: 1);
        var many = ParquetFrameReader.Read(path, path, new CsvReadOptions(), threads: 8);

        SameFrame(CsvFrameReader.Read(csv), one);
        SameFrame(one, many);
        Assert.Equal(ColumnKind.Boolean, one["flag"].Kind);
        Assert.Equal(4, one["ratio"].BytesPerValue); // halves, quarters: exact in single precision
        Assert.Equal(1, one["hour"].BytesPerValue);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.98)]
    public void Read_TruncatedFile_OneErrorNamingTheFile(double keep)
    {
        using var folder = new TempFolder();
        var bytes = File.ReadAllBytes(Fixture("peer.parquet"));
        var path = Path.Combine(folder.Path, "cut.parquet");
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * keep)]);

        var failure = Assert.Throws<DataFormatException>(() => FrameReader.Read(path));

        Assert.StartsWith($"{path}: not a readable Parquet file", failure.Message);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.Equal(path, failure.File);
    }

    [Theory]
    [InlineData("")]
    [InlineData("id,name\n1,a\n")]
    [InlineData("PAR1 this is not really parquet PAR1")]
    public void Read_NotParquet_OneErrorNamingTheFile(string text)
    {
        using var folder = new TempFolder();
        var path = folder.Write("table.parquet", text);

        var failure = Assert.Throws<DataFormatException>(() => FrameReader.Read(path));

        Assert.StartsWith($"{path}: not a readable Parquet file", failure.Message);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Fact]
    public void Read_MiddleOfFileOverwritten_OneErrorNamingTheFile()
    {
        using var folder = new TempFolder();
        var bytes = File.ReadAllBytes(Fixture("peer.parquet"));
        Array.Fill(bytes, (byte)0x5A, 8, bytes.Length / 2);
        var path = Path.Combine(folder.Path, "garbled.parquet");
        File.WriteAllBytes(path, bytes);

        var failure = Assert.Throws<DataFormatException>(() => FrameReader.Read(path));

        Assert.StartsWith($"{path}: not a readable Parquet file", failure.Message);
    }

    [Fact]
    public void Read_IgnoredColumnNotInFile_NamesTheColumns()
    {
        var failure = Assert.Throws<DataFormatException>(() => ParquetFrameReader.Read(Fixture("peer.parquet"), new CsvReadOptions { Ignore = ["dya"] }));

        Assert.Equal($"{Fixture("peer.parquet")}: column 'dya': no such column in the file; columns are id, amount, visits, city, member, answer, code, departed, day", failure.Message);
    }

    [Fact]
    public void Read_TextDeclaredNumeric_NamesRowAndValue()
    {
        var options = new CsvReadOptions { Kinds = new Dictionary<string, ColumnKind> { ["city"] = ColumnKind.Numeric } };

        var failure = Assert.Throws<DataFormatException>(() => ParquetFrameReader.Read(Fixture("peer.parquet"), options));

        Assert.Equal($"{Fixture("peer.parquet")}: column 'city': row 1: 'Oslo' is not a number, and the column is declared numeric", failure.Message);
    }

    [Fact]
    public void Fingerprint_ParquetFile_IsItsBytesHashAndChangesWithOneValue()
    {
        using var folder = new TempFolder();
        var a = Path.Combine(folder.Path, "a.parquet");
        var table = ParquetTable.Sample(50);
        ParquetTable.Write(table, a, rowGroupRows: 50);
        var before = DataFingerprint.Of([a]);

        table.Hour[7] = 23 - table.Hour[7];
        ParquetTable.Write(table, a, rowGroupRows: 50);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(a))), DataFingerprint.Of([a]).Files[0].Sha256);
        Assert.NotEqual(before.Combined, DataFingerprint.Of([a]).Combined);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Read_InfiniteDouble_RefusedNamingFileRowAndColumn(double infinity, string shown)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "infinite.parquet");
        var table = ParquetTable.Sample(1000);
        table.Ratio[300] = infinity; // in the third row group of 128 rows
        table.Ratio[700] = infinity;
        ParquetTable.Write(table, path, rowGroupRows: 128);

        var failure = Assert.Throws<DataFormatException>(() => ParquetFrameReader.Read(path, path, new CsvReadOptions(), threads: 4));

        Assert.Equal($"{path}: column 'ratio': row 301: '{shown}' is an infinite number; infinite values are refused, as scikit-learn " +
            "refuses them: write a null (a missing value, imputed) or a finite number", failure.Message);
        Assert.Equal("ratio", failure.ColumnName);
    }

    [Fact]
    public async Task Read_InfiniteFloat_RefusedButNaNIsMissingAndDeclaredCategoricalIsALevel()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "single.parquet");
        var field = new Parquet.Schema.DataField<float>("x");
        await using (var file = File.Create(path))
        {
            await using var writer = await Parquet.ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(field), file);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<float>(field, new float[] { 1.5f, float.NaN, float.NegativeInfinity, 2 });
        }

        var failure = Assert.Throws<DataFormatException>(() => FrameReader.Read(path));
        var asText = ParquetFrameReader.Read(path, new CsvReadOptions { Kinds = new Dictionary<string, ColumnKind> { ["x"] = ColumnKind.Categorical } });

        Assert.StartsWith($"{path}: column 'x': row 3: '-Infinity' is an infinite number; infinite values are refused", failure.Message);
        Assert.Equal(ColumnKind.Categorical, asText["x"].Kind);
        Assert.Equal(4, asText.RowCount);
    }
}
