namespace ModelPipeline.Definitions;

/// <summary>Where the data is and how to read it.</summary>
/// <param name="Files">Data files as written, relative to the repository root ('/' separators); each existed at load time.</param>
/// <param name="Label">The column to predict.</param>
/// <param name="PositiveClass">For binary tasks, the label text that counts as positive; null = the data decides.</param>
/// <param name="Columns">Kind overrides by column name.</param>
/// <param name="Ignore">Columns not loaded at all.</param>
/// <param name="Missing">Extra cell texts meaning "missing" (besides the empty cell and the reader's defaults).</param>
public sealed record DataSection(
    IReadOnlyList<string> Files,
    string Label,
    string? PositiveClass,
    IReadOnlyDictionary<string, DeclaredKind> Columns,
    IReadOnlyList<string> Ignore,
    IReadOnlyList<string> Missing);
