using System.Collections.Concurrent;

namespace ModelPipeline.Training;

/// <summary>
/// The model kinds this process can read. <c>builtin</c> (<see cref="TrainedModel"/>) is always there; other kinds
/// live in their own assemblies (so the built-in server does not carry them) and register themselves at start.
/// </summary>
public static class ModelKinds
{
    /// <summary>The kind of <see cref="TrainedModel"/> files (docs/model-format.md).</summary>
    public const string BuiltIn = "builtin";

    private static readonly ConcurrentDictionary<string, IModelKind> Known = new(StringComparer.Ordinal)
    {
        [BuiltIn] = new BuiltInModelKind(),
    };

    /// <summary>The registered kinds' names, sorted.</summary>
    public static IReadOnlyList<string> Names => [.. Known.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Makes <paramref name="kind"/> readable in this process; registering the same name again replaces it.</summary>
    public static void Register(IModelKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (string.IsNullOrWhiteSpace(kind.Name) || kind.Name != kind.Name.ToLowerInvariant())
        {
            throw new ArgumentException($"a model kind's name must be lower-case and non-empty; got '{kind.Name}'", nameof(kind));
        }

        Known[kind.Name] = kind;
    }

    /// <summary>The kind named <paramref name="name"/> (null or empty: <c>builtin</c>).</summary>
    /// <exception cref="ModelFormatException">No such kind is registered in this process; the message lists the ones that are.</exception>
    public static IModelKind Find(string? name)
    {
        name = string.IsNullOrEmpty(name) ? BuiltIn : name;
        if (Known.TryGetValue(name, out var kind))
        {
            return kind;
        }

        throw new ModelFormatException(
            $"model kind '{name}' cannot be read by this build (it reads: {string.Join(", ", Names)}); " +
            $"a server image for such a model must be built with that kind (docs/model-format.md)");
    }

    /// <summary>Reads a model file of the named kind.</summary>
    /// <exception cref="ModelFormatException">Unknown kind, or the bytes are not a readable model of that kind.</exception>
    public static IScoringModel Load(string? kind, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Find(kind).Load(bytes);
    }
}
