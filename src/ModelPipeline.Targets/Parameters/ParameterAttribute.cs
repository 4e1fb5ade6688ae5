namespace ModelPipeline.Targets;

/// <summary>
/// Marks a field or property of a <see cref="BuildDefinition"/> as a parameter, filled from
/// <c>--kebab-name</c>, the <c>UPPER_SNAKE</c> environment variable or <c>.nuke/parameters.json</c> (key = member name).
/// Supported types: string, bool (a bare flag means true), int, long, double, enums, <see cref="AbsolutePath"/>,
/// their nullable forms, and arrays of them (space-separated or repeated options).
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    /// <summary>Shown by <c>--help</c> and in the schema.</summary>
    public string? Description { get; } = description;

    /// <summary>Overrides the member name (PascalCase) the option, variable and JSON key are derived from.</summary>
    public string? Name { get; init; }
}
