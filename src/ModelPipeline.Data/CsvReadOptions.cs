namespace ModelPipeline.Data;

/// <summary>How a CSV file is read into a <see cref="Frame"/>.</summary>
public sealed record CsvReadOptions
{
    /// <summary>Column kinds that override inference, by column name.</summary>
    public IReadOnlyDictionary<string, ColumnKind> Kinds { get; init; } = new Dictionary<string, ColumnKind>();

    /// <summary>Columns that are not loaded at all.</summary>
    public IReadOnlyCollection<string> Ignore { get; init; } = [];

    /// <summary>Cell texts that mean "missing" besides the empty cell.</summary>
    public IReadOnlyCollection<string> MissingTokens { get; init; } = ["NA", "NaN", "null"];

    public char Delimiter { get; init; } = ',';

    /// <summary>The label column: a row with no value in it is an error naming its line.</summary>
    public string? Label { get; init; }

    /// <summary>
    /// When set, the label's only classes: a row whose label is none of them is an error naming its line (texts compare
    /// as written, numbers by value, so "1.0" is class "1").
    /// </summary>
    public IReadOnlyCollection<string>? LabelClasses { get; init; }
}
