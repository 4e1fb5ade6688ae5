namespace ModelPipeline.Data.Csv;

/// <summary>The parsed columns of one chunk, or the first error in it (in file order).</summary>
internal sealed record ChunkResult(int Rows, ChunkColumn[] Columns, DataFormatException? Error);
