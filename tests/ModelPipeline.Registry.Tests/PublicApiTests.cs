using System.Reflection;

namespace ModelPipeline.Registry.Tests;

/// <summary>Locks the public surface the build targets code against: a change shows up as a snapshot diff.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesSnapshot()
    {
        var lines = typeof(ModelRegistry).Assembly.GetExportedTypes()
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .SelectMany(t => new[] { $"{Kind(t)} {t.FullName}" }.Concat(Members(t).Select(m => "  " + m)));

        Snapshot.Match("public-api.txt", string.Join("\n", lines) + "\n");
    }

    private static string Kind(Type t) =>
        t.IsEnum ? "enum" : t.IsAbstract && t.IsSealed ? "static class" : t.IsValueType ? "struct" : t.IsInterface ? "interface" : t.IsSealed ? "sealed class" : "class";

    private static IEnumerable<string> Members(Type t)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (t.IsEnum) return Enum.GetNames(t);
        return t.GetMembers(flags)
            .Where(m => m is not MethodInfo { IsSpecialName: true } && !m.Name.StartsWith('<') && m.Name is not ("Equals" or "GetHashCode" or "ToString" or "Deconstruct" or "PrintMembers" or "EqualityContract"))
            .Select(Describe)
            .Order(StringComparer.Ordinal);
    }

    private static string Describe(MemberInfo m) => m switch
    {
        ConstructorInfo c => $"ctor({Parameters(c)})",
        MethodInfo x => $"{(x.IsStatic ? "static " : "")}{Name(x.ReturnType)} {x.Name}({Parameters(x)})",
        PropertyInfo p => $"{(p.GetMethod?.IsStatic == true ? "static " : "")}{Name(p.PropertyType)} {p.Name}",
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{Name(f.FieldType)} {f.Name}",
        _ => m.ToString() ?? m.Name,
    };

    private static string Parameters(MethodBase m) =>
        string.Join(", ", m.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")}"));

    private static string Name(Type t) => t.IsGenericType
        ? $"{t.Name[..t.Name.IndexOf('`')]}<{string.Join(", ", t.GetGenericArguments().Select(Name))}>"
        : t.Name;
}
