using ModelPipeline.Data;

namespace ModelPipeline.Training;

/// <summary>One input column of a model: its name, kind and (for categorical columns) the levels seen in training.</summary>
public sealed record InputColumn(string Name, ColumnKind Kind, IReadOnlyList<string> Categories)
{
    /// <summary>"numeric", "categorical" or "boolean", as error messages name it.</summary>
    public string KindName => Kind.ToString().ToLowerInvariant();
}
