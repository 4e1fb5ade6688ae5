namespace ModelPipeline.Data.Csv;

/// <summary>
/// A run of whole records of a CSV file (it ends at a line break outside quotes): the unit that is
/// parsed in parallel. <see cref="FirstLine"/> is the 1-based line of its first byte.
/// </summary>
internal sealed record CsvChunk(byte[] Buffer, int Length, int Index, long FirstLine, int LineBreaks, bool HasQuotes)
{
    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);
}
