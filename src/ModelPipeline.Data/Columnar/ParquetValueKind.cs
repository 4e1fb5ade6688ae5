namespace ModelPipeline.Data.Columnar;

/// <summary>How a Parquet column's values become a frame column's values.</summary>
internal enum ParquetValueKind
{
    /// <summary>Integers, floating point and decimals: numbers (NaN = missing).</summary>
    Number,

    /// <summary>Parquet booleans: a boolean column (1/0).</summary>
    Flag,

    /// <summary>UTF-8 strings: read as text, then given a kind as the CSV reader gives one.</summary>
    Text,

    /// <summary>Timestamps, dates and times: ISO 8601 text levels.</summary>
    Moment,
}
