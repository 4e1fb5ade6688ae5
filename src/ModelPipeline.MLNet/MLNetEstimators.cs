using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace ModelPipeline.MLNet;

/// <summary>Finds a team's <see cref="IMLNetEstimator"/> by class name among the given assemblies (the build's trainers/).</summary>
public static class MLNetEstimators
{
    private const string Reflection = "finds a team's classes by reflection at training time; the (trimmed) model server never calls it";

    /// <summary>The classes implementing <see cref="IMLNetEstimator"/> in <paramref name="assemblies"/>, by name.</summary>
    [RequiresUnreferencedCode(Reflection)]
    public static IReadOnlyList<Type> In(IEnumerable<Assembly> assemblies) =>
        [.. assemblies.SelectMany(Types).Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMLNetEstimator).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal)];

    /// <summary>Creates the class named <paramref name="name"/> (simple or full name).</summary>
    /// <exception cref="MLNetModelException">No such class (lists those there are, with the nearest), or it cannot be created.</exception>
    [RequiresUnreferencedCode(Reflection)]
    public static IMLNetEstimator Create(string name, IEnumerable<Assembly> assemblies, string where = "trainers/")
    {
        var known = In(assemblies);
        var matches = known.Where(t => t.FullName == name || t.Name == name).ToArray();
        if (matches.Length != 1)
        {
            var names = known.Select(t => t.Name).ToArray();
            var listed = names.Length == 0 ? "none" : string.Join(", ", names);
            throw new MLNetModelException(matches.Length == 0
                ? $"estimator {name}: no class '{name}' implementing IMLNetEstimator in {where} (classes there: {listed})" +
                  (NearestName.Find(name, names) is { } near ? $"; did you mean '{near}'?" : "")
                : $"estimator {name}: several classes are named '{name}' ({string.Join(", ", matches.Select(m => m.FullName))}); give the full name");
        }

        try
        {
            return (IMLNetEstimator)Activator.CreateInstance(matches[0])!;
        }
        catch (Exception e) when (e is MissingMethodException or TargetInvocationException or MemberAccessException)
        {
            var inner = e is TargetInvocationException { InnerException: { } i } ? i : e;
            throw new MLNetModelException($"estimator {name}: cannot create {matches[0].FullName}: {inner.GetType().Name}: {inner.Message}", inner);
        }
    }

    [RequiresUnreferencedCode(Reflection)]
    private static IEnumerable<Type> Types(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
