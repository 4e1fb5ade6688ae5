namespace ModelPipeline.Targets;

/// <summary>
/// A <see cref="ParameterAttribute"/> member of a build class as code outside the engine sees it (e.g. a workflow
/// generator offering parameters as inputs): the names it answers to, its type, description and default.
/// </summary>
/// <param name="MemberName">The field or property name in the build class.</param>
/// <param name="Name">The PascalCase parameter name (also the key in <c>.nuke/parameters.json</c>).</param>
/// <param name="EnvironmentVariable">The variable the engine reads it from, e.g. <c>REGISTRY_URL</c>.</param>
/// <param name="Type">The member's type (possibly nullable or an array).</param>
/// <param name="Default">The value the build class initializes it with (null when none).</param>
public sealed record BuildParameter(
    string MemberName,
    string Name,
    string Option,
    string EnvironmentVariable,
    Type Type,
    string? Description,
    bool IsSecret,
    object? Default)
{
    /// <summary>The parameters of <paramref name="buildType"/> in declaration order; defaults read from a fresh instance.</summary>
    public static IReadOnlyList<BuildParameter> Of(Type buildType)
    {
        ArgumentNullException.ThrowIfNull(buildType);
        if (!typeof(BuildDefinition).IsAssignableFrom(buildType))
        {
            throw new ArgumentException($"{buildType.Name} does not derive from {nameof(BuildDefinition)}.", nameof(buildType));
        }

        var instance = Activator.CreateInstance(buildType, nonPublic: true)!;
        return ParameterMember.Of(buildType)
            .Select(p => new BuildParameter(p.MemberName, p.Name, p.Option, p.EnvironmentVariable, p.Type, p.Description, p.IsSecret, p.GetValue(instance)))
            .ToArray();
    }
}
