using ModelPipeline.Definitions.Reading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModelPipeline.Definitions;

/// <summary>
/// Loads and validates <c>pipelines/&lt;name&gt;.yaml</c>. Every problem in a file is reported at once in a
/// <see cref="PipelineDefinitionException"/> whose lines read <c>file:line:column: key.path: message</c>.
/// </summary>
public static class PipelineLoader
{
    public const string PipelinesFolder = "pipelines";

    /// <summary>Loads <c>pipelines/&lt;name&gt;.yaml</c> (or .yml) under <paramref name="rootDirectory"/>.</summary>
    /// <exception cref="PipelineNotFoundException">No such pipeline; the message lists those that exist.</exception>
    /// <exception cref="PipelineDefinitionException">The file has errors.</exception>
    public static PipelineDefinition LoadByName(string name, string rootDirectory)
    {
        foreach (var extension in new[] { ".yaml", ".yml" })
        {
            var path = Path.Combine(rootDirectory, PipelinesFolder, name + extension);
            if (File.Exists(path))
            {
                return Load(path, rootDirectory);
            }
        }

        throw NotFound(name, rootDirectory);
    }

    /// <summary>Loads a pipeline file; a relative <paramref name="path"/> is taken relative to <paramref name="rootDirectory"/>.</summary>
    public static PipelineDefinition Load(string path, string rootDirectory)
    {
        var fullPath = Path.GetFullPath(path, Path.GetFullPath(rootDirectory));
        if (!File.Exists(fullPath))
        {
            throw NotFound(Path.GetFileNameWithoutExtension(path), rootDirectory, path);
        }

        return Parse(File.ReadAllText(fullPath), DisplayName(fullPath, rootDirectory), rootDirectory);
    }

    /// <summary>Validates YAML text; <paramref name="sourceFile"/> names the file in messages and gives the default name.</summary>
    public static PipelineDefinition Parse(string yaml, string sourceFile, string rootDirectory)
    {
        var errors = new ErrorSink(sourceFile);
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            var problem = (e.InnerException?.Message ?? e.Message).Replace(Environment.NewLine, " ");
            errors.Add(e.Start, "", $"YAML syntax error: {Trim(problem)}");
            throw new PipelineDefinitionException(errors.Sorted());
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections, and its node loader on
            // some malformed event sequences (found by fuzzing).
            var at = parser.Current?.Start ?? new Mark(0, 1, 1);
            errors.Add(at, "", "YAML syntax error: cannot parse from here on (is a '[', '{' or quote not closed?)");
            throw new PipelineDefinitionException(errors.Sorted());
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var at = stream.Documents.Count == 0 ? Mark.Empty : stream.Documents[0].RootNode.Start;
            errors.Add(at.Line == 0 ? new Mark(0, 1, 1) : at, "", "expected a mapping of pipeline settings (task, data, trainer, ...)");
            throw new PipelineDefinitionException(errors.Sorted());
        }

        if (stream.Documents.Count > 1)
        {
            errors.Add(stream.Documents[1].RootNode.Start, "", "a pipeline file holds one YAML document; remove the '---' separator");
        }

        var definition = new DefinitionReader(errors, rootDirectory, sourceFile).Read(root);
        if (definition is null || errors.HasErrors)
        {
            throw new PipelineDefinitionException(errors.Sorted());
        }

        return definition;
    }

    /// <summary>The names of the pipelines under <c>pipelines/</c>, sorted.</summary>
    public static IReadOnlyList<string> ListPipelines(string rootDirectory)
    {
        var folder = Path.Combine(rootDirectory, PipelinesFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    private static PipelineNotFoundException NotFound(string name, string rootDirectory, string? path = null)
    {
        var available = ListPipelines(rootDirectory);
        var subject = path is null ? $"Unknown pipeline '{name}'." : $"Pipeline file '{path}' does not exist.";
        var suggestion = NearestName.Find(name, available) is { } near ? $" Did you mean '{near}'?" : "";
        var list = available.Count == 0
            ? $" There are no pipelines: add {PipelinesFolder}/<name>.yaml (see docs/pipeline-yaml.md)."
            : $" Pipelines: {string.Join(", ", available)}.";
        return new PipelineNotFoundException(name, available, subject + suggestion + list);
    }

    private static string DisplayName(string fullPath, string rootDirectory)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(rootDirectory), fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? fullPath
            : relative.Replace('\\', '/');
    }

    private static string Trim(string problem)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is already in front.
        var index = problem.IndexOf("): ", StringComparison.Ordinal);
        return problem.StartsWith("(Line", StringComparison.Ordinal) && index >= 0 ? problem[(index + 3)..] : problem;
    }
}
