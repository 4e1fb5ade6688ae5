using System.Reflection;
using System.Text;
using System.Text.Json;
using HandlebarsDotNet;

namespace ModelPipeline.Containers.Images;

/// <summary>Renders the Dockerfile for an <see cref="ImageBuildRequest"/> from docker/Dockerfile.hbs (embedded) or a user's template.</summary>
public static class DockerfileTemplate
{
    private const string ResourceName = "Dockerfile.hbs";

    /// <summary>The embedded default template text.</summary>
    public static string Default
    {
        get
        {
            using var stream = typeof(DockerfileTemplate).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from {Assembly.GetExecutingAssembly().GetName().Name}");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    public static string Render(ImageBuildRequest request)
    {
        string template;
        if (request.DockerfileTemplatePath is { } path)
        {
            if (!File.Exists(path))
            {
                throw new ImageBuildException($"Dockerfile template {path} does not exist");
            }

            template = File.ReadAllText(path);
        }
        else
        {
            template = Default;
        }

        var handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
        HandlebarsTemplate<object, object> compiled;
        try
        {
            compiled = handlebars.Compile(template);
        }
        catch (HandlebarsException e)
        {
            throw new ImageBuildException($"Dockerfile template {request.DockerfileTemplatePath ?? ResourceName} is not valid Handlebars: {e.Message}", e);
        }

        var data = new Dictionary<string, object?>
        {
            ["offlineBase"] = request.UsesOfflineBase,
            ["baseImage"] = request.BaseImage,
            ["port"] = request.Port,
            ["user"] = request.User,
            ["hasModel"] = request.ModelDirectory is not null,
            ["entrypoint"] = JsonSerializer.Serialize(request.Entrypoint.ToArray(), ContainerJson.Default.StringArray),
            ["env"] = request.EffectiveEnvironment().Select(e => Pair(e.Key, Quote(e.Value))).ToList(),
            ["labels"] = request.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => Pair(l.Key, Quote(l.Value))).ToList(),
        };
        return compiled(data);
    }

    private static Dictionary<string, object> Pair(string name, string value) => new() { ["name"] = name, ["value"] = value };

    /// <summary>A Dockerfile double-quoted string: backslashes and quotes escaped, newlines flattened.</summary>
    internal static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => text.Append(@"\\"),
                '"' => text.Append("\\\""),
                '$' => text.Append("\\$"),
                '\n' or '\r' => text.Append(' '),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }
}
