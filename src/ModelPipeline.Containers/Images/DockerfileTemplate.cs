using System.Reflection;
using System.Text;
using System.Text.Json;
using Scriban.Runtime;

namespace ModelPipeline.Containers.Images;

/// <summary>Renders the Dockerfile for an <see cref="ImageBuildRequest"/> from docker/Dockerfile.scriban (embedded) or a user's Scriban template.</summary>
public static class DockerfileTemplate
{
    private const string ResourceName = "docker/Dockerfile.scriban";

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

        var name = request.DockerfileTemplatePath ?? ResourceName;
        var compiled = ScribanText.Parse(template, name, Invalid);
        var model = new ScriptObject
        {
            ["offline_base"] = request.UsesOfflineBase,
            ["base_image"] = request.BaseImage,
            ["port"] = request.Port,
            ["user"] = request.User,
            ["has_model"] = request.ModelDirectory is not null,
            ["entrypoint"] = JsonSerializer.Serialize(request.Entrypoint.ToArray(), ContainerJson.Default.StringArray),
            ["env"] = ScribanText.Pairs(request.EffectiveEnvironment().Select(e => (e.Key, Quote(e.Value)))),
            ["labels"] = ScribanText.Pairs(request.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => (l.Key, Quote(l.Value)))),
        };
        return ScribanText.Render(compiled, model, name, Invalid);
    }

    private static ImageBuildException Invalid(string problem) => new($"{problem} (Dockerfile template, Scriban)");

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
