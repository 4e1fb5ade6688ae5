using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ModelPipeline.Targets;

/// <summary>
/// Generates <c>.nuke/build.schema.json</c>: a JSON schema (draft-04, like NUKE's) for <c>.nuke/parameters.json</c>
/// with a property per parameter (type, description, enum values) and the engine's options, where <c>Target</c>
/// and <c>Skip</c> are arrays of the build's target names. Written by the hidden flag <c>--generate-schema</c>.
/// </summary>
public static class BuildSchema
{
    /// <summary>Where the schema lives relative to the root directory.</summary>
    public const string RelativePath = ".nuke/build.schema.json";

    /// <summary>The schema for <paramref name="buildType"/> (a <see cref="BuildDefinition"/>), indented, <c>\n</c> line ends.</summary>
    public static string Generate(Type buildType)
    {
        ArgumentNullException.ThrowIfNull(buildType);
        if (!typeof(BuildDefinition).IsAssignableFrom(buildType))
        {
            throw new ArgumentException($"{buildType.Name} does not derive from {nameof(BuildDefinition)}.", nameof(buildType));
        }

        var stream = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-04/schema#");
            json.WriteString("title", "Build Schema");
            json.WriteString("$ref", "#/definitions/build");
            json.WriteStartObject("definitions");
            json.WriteStartObject("ExecutableTarget");
            json.WriteString("type", "string");
            WriteStrings(json, "enum", TargetNames(buildType));
            json.WriteEndObject();
            json.WriteStartObject("build");
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            var properties = EngineProperties().Concat(ParameterMember.Of(buildType).Select(p =>
                (p.Name, (Action<Utf8JsonWriter>)(w => WriteParameter(w, p)))));
            foreach (var (name, write) in properties.OrderBy(p => p.Item1, StringComparer.Ordinal))
            {
                json.WriteStartObject(name);
                write(json);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The names of the <see cref="Target"/> properties of <paramref name="buildType"/>, base classes first.</summary>
    internal static IReadOnlyList<string> TargetNames(Type buildType)
    {
        var chain = new Stack<Type>();
        for (var type = buildType; type is not null && type != typeof(BuildDefinition); type = type.BaseType)
        {
            chain.Push(type);
        }

        const BindingFlags declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        return chain.SelectMany(t => t.GetProperties(declared))
            .Where(p => p.PropertyType == typeof(Target) && p.GetIndexParameters().Length == 0)
            .Select(p => p.Name)
            .ToList();
    }

    private static IEnumerable<(string, Action<Utf8JsonWriter>)> EngineProperties()
    {
        yield return ("Skip", w => TargetArray(w, "Targets to skip; an empty list skips every dependency"));
        yield return ("Target", w => TargetArray(w, "Targets to run when none are named on the command line"));
        yield return ("Verbose", w => Scalar(w, "boolean", "Writes debug lines and full stack traces"));
    }

    private static void Scalar(Utf8JsonWriter json, string type, string description)
    {
        json.WriteString("type", type);
        json.WriteString("description", description);
    }

    private static void TargetArray(Utf8JsonWriter json, string description)
    {
        json.WriteString("type", "array");
        json.WriteString("description", description);
        json.WriteStartObject("items");
        json.WriteString("$ref", "#/definitions/ExecutableTarget");
        json.WriteEndObject();
    }

    private static void WriteParameter(Utf8JsonWriter json, ParameterMember parameter)
    {
        var type = parameter.Type;
        if (type.IsArray)
        {
            json.WriteString("type", "array");
            WriteDescription(json, parameter);
            json.WriteStartObject("items");
            WriteType(json, type.GetElementType()!);
            json.WriteEndObject();
        }
        else
        {
            WriteType(json, type);
            WriteDescription(json, parameter);
        }

        if (parameter.IsSecret)
        {
            json.WriteBoolean("x-secret", true);
        }
    }

    private static void WriteDescription(Utf8JsonWriter json, ParameterMember parameter)
    {
        if (parameter.Description is { } description)
        {
            json.WriteString("description", description);
        }
    }

    private static void WriteType(Utf8JsonWriter json, Type type)
    {
        var core = Nullable.GetUnderlyingType(type) ?? type;
        json.WriteString("type", core switch
        {
            _ when core == typeof(bool) => "boolean",
            _ when core == typeof(int) || core == typeof(long) => "integer",
            _ when core == typeof(double) || core == typeof(decimal) => "number",
            _ => "string",
        });
        if (core.IsEnum)
        {
            WriteStrings(json, "enum", Enum.GetNames(core));
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
