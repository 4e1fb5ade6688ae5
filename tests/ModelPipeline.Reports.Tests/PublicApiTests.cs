using System.Reflection;

namespace ModelPipeline.Reports.Tests;

/// <summary>
/// The public surface the build targets code against, locked: a change here is deliberate. When it is, copy
/// bin/.../PublicApi.actual.txt over Fixtures/PublicApi.txt.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly string[] Ignored = ["Equals", "GetHashCode", "ToString", "Deconstruct", "GetType"];

    [Fact]
    public void PublicApi_MatchesTheApprovedList()
    {
        var actual = string.Join('\n', Describe(typeof(HtmlReport).Assembly)) + "\n";
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "PublicApi.actual.txt"), actual);

        var approved = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "PublicApi.txt")).ReplaceLineEndings("\n");

        Assert.Equal(approved, actual);
    }

    private static IEnumerable<string> Describe(Assembly assembly)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            yield return $"{Kind(type)} {type.FullName}";
            var members = type.GetMembers(flags)
                .Where(m => !m.Name.Contains('<') && !Ignored.Contains(m.Name))
                .Where(m => m is not MethodInfo { IsSpecialName: true })
                .Select(m => "  " + m)
                .Order(StringComparer.Ordinal);
            foreach (var member in members)
            {
                yield return member;
            }
        }
    }

    private static string Kind(Type type) =>
        type.IsEnum ? "enum" : type.IsValueType ? "struct" : type.IsInterface ? "interface"
        : type.IsAbstract && type.IsSealed ? "static class" : type.IsSealed ? "sealed class" : "class";
}
