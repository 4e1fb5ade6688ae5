namespace ModelPipeline.Data;

/// <summary>A data file by its ending: <c>.parquet</c> through <see cref="ParquetFrameReader"/>, anything else (CSV, .csv.gz) through <see cref="CsvFrameReader"/>.</summary>
public static class FrameReader
{
    public static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    public static Frame Read(string path, CsvReadOptions? options = null) =>
        IsParquet(path) ? ParquetFrameReader.Read(path, options) : CsvFrameReader.Read(path, options);
}
