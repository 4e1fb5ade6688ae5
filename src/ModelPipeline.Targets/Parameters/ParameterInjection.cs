using System.Text.Json;

namespace ModelPipeline.Targets;

/// <summary>
/// Fills <see cref="ParameterAttribute"/> members of a build.
/// <para><b>Where a value comes from</b> (first found wins; this is the one precedence order):</para>
/// <list type="number">
/// <item><description>the command line: <c>--registry-url value</c> (kebab-case of the member name; case and dashes ignored);</description></item>
/// <item><description>the environment: <c>REGISTRY_URL</c> (UPPER_SNAKE of the member name; empty means unset);</description></item>
/// <item><description><c>.nuke/parameters.json</c> under the root directory: key <c>RegistryUrl</c> (the member name);</description></item>
/// <item><description>the field or property initializer.</description></item>
/// </list>
/// <para>Arrays take several words on the command line (<c>--tags a b</c> or <c>--tags a --tags b</c>),
/// whitespace-separated words in a variable, or a JSON array. A bare bool flag means true.
/// Relative paths resolve against the working directory. A value that does not convert is a usage error naming
/// the parameter, where it came from and the expected type.</para>
/// </summary>
internal sealed class ParameterInjection(IReadOnlyList<ParameterMember> parameters)
{
    /// <summary>One line for help texts.</summary>
    public const string PrecedenceText = "command line > environment variable > .nuke/parameters.json > default in the build class";

    /// <summary>Where each filled parameter's value came from (for <c>--verbose</c>).</summary>
    public Dictionary<ParameterMember, string> Sources { get; } = [];

    /// <summary>Keys in parameters.json that match no parameter.</summary>
    public List<string> UnknownFileKeys { get; } = [];

    /// <summary>
    /// The engine options <c>Target</c>, <c>Skip</c> and <c>Verbose</c> as given in parameters.json (simplified key -> values);
    /// the command line overrides them.
    /// </summary>
    public Dictionary<string, List<string>> EngineOptionsFromFile { get; } = [];

    public void Apply(
        BuildDefinition build,
        ParsedArguments arguments,
        IDictionary<string, string?> environment,
        string rootDirectory,
        string workingDirectory)
    {
        var file = ReadParametersFile(rootDirectory);
        foreach (var parameter in parameters)
        {
            var (values, source) = Find(parameter, arguments, environment, file);
            if (values is null)
            {
                continue;
            }

            object? value;
            try
            {
                value = ValueConverter.Convert(values, parameter.Type, workingDirectory);
            }
            catch (FormatException error)
            {
                var shown = parameter.IsSecret ? "***" : TypedText.Show(string.Join(' ', values));
                throw new UsageException(
                    $"Invalid value '{shown}' for parameter '{parameter.Name}' ({parameter.Option}, from {source}): {error.Message}.");
            }

            parameter.SetValue(build, value);
            Sources[parameter] = source;
        }
    }

    private static (IReadOnlyList<string>? Values, string Source) Find(
        ParameterMember parameter,
        ParsedArguments arguments,
        IDictionary<string, string?> environment,
        Dictionary<string, List<string>> file)
    {
        if (arguments.Values.TryGetValue(parameter, out var fromCommandLine))
        {
            return (fromCommandLine, "the command line");
        }

        var variable = parameter.EnvironmentVariable;
        if (environment.TryGetValue(variable, out var text) && !string.IsNullOrEmpty(text))
        {
            return (parameter.Type.IsArray ? text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : [text],
                $"environment variable {variable}");
        }

        if (file.TryGetValue(MemberNaming.Simplify(parameter.Name), out var fromFile))
        {
            return (fromFile, ".nuke/parameters.json");
        }

        return (null, "");
    }

    private Dictionary<string, List<string>> ReadParametersFile(string rootDirectory)
    {
        var result = new Dictionary<string, List<string>>();
        var path = Path.Combine(rootDirectory, ".nuke", "parameters.json");
        if (!File.Exists(path))
        {
            return result;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
        }
        catch (JsonException error)
        {
            throw new UsageException($"{path}: not valid JSON ({error.Message}).");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"{path}: expected a JSON object of parameter names and values.");
            }

            var known = parameters.Select(p => MemberNaming.Simplify(p.Name)).ToHashSet();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var key = MemberNaming.Simplify(property.Name);
                if (property.Name.StartsWith('$') || property.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                if (key is "target" or "skip" or "verbose")
                {
                    EngineOptionsFromFile[key] = Values(property.Value);
                    continue;
                }

                if (!known.Contains(key))
                {
                    UnknownFileKeys.Add(property.Name);
                    continue;
                }

                result[key] = Values(property.Value);
            }
        }

        return result;
    }

    private static List<string> Values(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(Text).ToList() : [Text(element)];

    private static string Text(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
}
