using System.Reflection;

namespace ModelPipeline.Targets;

/// <summary>One <see cref="ParameterAttribute"/> field or property of a build class and the names it answers to.</summary>
internal sealed class ParameterMember
{
    private const BindingFlags Declared =
        BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>Names of the engine's own options, which parameters may not use.</summary>
    private static readonly HashSet<string> ReservedNames = ["help", "h", "plan", "skip", "target", "root", "verbose", "generateschema"];

    private readonly FieldInfo? field;
    private readonly PropertyInfo? property;

    private ParameterMember(MemberInfo member, ParameterAttribute attribute, FieldInfo? field, PropertyInfo? property)
    {
        this.field = field;
        this.property = property;
        MemberName = member.Name;
        Name = attribute.Name ?? member.Name;
        Type = field?.FieldType ?? property!.PropertyType;
        Description = attribute.Description;
        IsSecret = member.IsDefined(typeof(SecretAttribute), inherit: true);
    }

    /// <summary>The field or property name in the build class.</summary>
    public string MemberName { get; }

    /// <summary>The PascalCase name, also the key in <c>.nuke/parameters.json</c>.</summary>
    public string Name { get; }

    /// <summary>The command-line option, e.g. <c>--registry-url</c>.</summary>
    public string Option => "--" + MemberNaming.KebabCase(Name);

    /// <summary>The environment variable, e.g. <c>REGISTRY_URL</c>.</summary>
    public string EnvironmentVariable => MemberNaming.UpperSnakeCase(Name);

    public Type Type { get; }

    public string? Description { get; }

    public bool IsSecret { get; }

    /// <summary>The parameters of <paramref name="buildType"/> and its base classes, in declaration order.</summary>
    public static IReadOnlyList<ParameterMember> Of(Type buildType)
    {
        var result = new List<ParameterMember>();
        var chain = new Stack<Type>();
        for (var type = buildType; type is not null && type != typeof(BuildDefinition); type = type.BaseType)
        {
            chain.Push(type);
        }

        foreach (var type in chain)
        {
            foreach (var member in type.GetMembers(Declared))
            {
                if (member.GetCustomAttribute<ParameterAttribute>() is not { } attribute)
                {
                    continue;
                }

                var name = attribute.Name ?? member.Name;
                if (ReservedNames.Contains(MemberNaming.Simplify(name)))
                {
                    throw new InvalidOperationException(
                        $"Parameter '{name}' clashes with the engine option --{MemberNaming.KebabCase(name)}; rename it.");
                }

                var valueType = (member as FieldInfo)?.FieldType ?? (member as PropertyInfo)?.PropertyType;
                if (valueType is not null && !ValueConverter.IsSupported(valueType))
                {
                    throw new InvalidOperationException(
                        $"Parameter '{name}' has type {valueType.Name}; use string, bool, int, long, double, decimal, an enum, AbsolutePath or an array of them.");
                }

                result.Add(member switch
                {
                    FieldInfo f => new ParameterMember(member, attribute, f, null),
                    PropertyInfo p => new ParameterMember(member, attribute, p.CanWrite ? null : BackingField(p), p),
                    _ => throw new InvalidOperationException($"[Parameter] on '{member.Name}' is not a field or property."),
                });
            }
        }

        return result;
    }

    public object? GetValue(object build) => field is not null ? field.GetValue(build) : property!.GetValue(build);

    public void SetValue(object build, object? value)
    {
        if (field is not null)
        {
            field.SetValue(build, value);
        }
        else
        {
            property!.SetValue(build, value);
        }
    }

    private static FieldInfo BackingField(PropertyInfo property) =>
        property.DeclaringType!.GetField($"<{property.Name}>k__BackingField", Declared)
        ?? throw new InvalidOperationException(
            $"Parameter property '{property.Name}' needs a setter (or be an auto-property) so it can be filled.");
}
