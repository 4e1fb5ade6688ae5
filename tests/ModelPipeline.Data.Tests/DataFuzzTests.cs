using System.Text;

namespace ModelPipeline.Data.Tests;

/// <summary>Mutated CSV and Parquet files: read, or a <see cref="DataFormatException"/> naming the file; nothing else.</summary>
[Trait("Category", FuzzCases.Category)]
public sealed class DataFuzzTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mp-fuzz-data-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Csv_MutatedFiles_ReadOrNameTheFile()
    {
        byte[][] seeds =
        [
            Encoding.UTF8.GetBytes(string.Join('\n', TestData.Lines("churn.csv").Take(25)) + "\n"),
            "a,\"b, quoted\",c\n1,\"x \"\"y\"\"\nz\",3\n2,,NA\n"u8.ToArray(),
            Encoding.UTF8.GetBytes(ParquetTable.Sample(40).Csv()),
        ];
        var options = new CsvReadOptions { Label = "churn", Kinds = new Dictionary<string, ColumnKind> { ["tenure"] = ColumnKind.Numeric } };

        FuzzCases.Run(
            seeds,
            (input, _) => CsvFrameReader.Read(new MemoryStream(input), "data/fuzz.csv", options),
            error => error is DataFormatException { Message: var message } && message.StartsWith("data/fuzz.csv", StringComparison.Ordinal));
    }

    /// <summary>Fuzz case 4996 (Parquet seed): a footer on which Parquet.Net 6.1.0's metadata parser spins forever.</summary>
    [Fact]
    public void Parquet_FooterThatParquetNetSpinsOn_IsRefusedNamingTheFile()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "crashers", "footer-spins-parquet-net.parquet");

        var error = Assert.Throws<DataFormatException>(() => ParquetFrameReader.Read(path));

        Assert.EndsWith("footer-spins-parquet-net.parquet: not a readable Parquet file (truncated, corrupt, or another format): its footer metadata is corrupt", error.Message);
    }

    [Fact]
    public void Parquet_MutatedFiles_ReadOrNameTheFile()
    {
        var seedPath = Path.Combine(_folder, "seed.parquet");
        ParquetTable.Write(ParquetTable.Sample(60), seedPath, rowGroupRows: 25);
        byte[][] seeds = [File.ReadAllBytes(seedPath)];

        FuzzCases.Run(
            seeds,
            (input, number) =>
            {
                var path = Path.Combine(_folder, $"case-{number}.parquet");
                File.WriteAllBytes(path, input);
                try
                {
                    ParquetFrameReader.Read(path);
                }
                finally
                {
                    File.Delete(path);
                }
            },
            error => error is DataFormatException { Message: var message } && message.Contains(".parquet", StringComparison.Ordinal));
    }
}
