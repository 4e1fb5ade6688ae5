using System.Text;
using ModelPipeline.Testing;

namespace ModelPipeline.Definitions.Tests;

/// <summary>Mutated pipeline YAML: a definition, or a <see cref="PipelineDefinitionException"/> naming the file; nothing else.</summary>
[Trait("Category", FuzzCases.Category)]
public sealed class DefinitionFuzzTests
{
    /// <summary>Fuzz case 880, minimised: YamlDotNet's node loader threw ArgumentException (a stack trace for the user).</summary>
    [Fact]
    public void Yaml_KeylessEntryBeforeAStrayBrace_IsASyntaxErrorWithItsLine()
    {
        const string yaml = "monitor:\n  features:\n   : psi, threshold: 0.2 }\n";

        var error = Assert.Throws<PipelineDefinitionException>(() => PipelineLoader.Parse(yaml, "pipelines/fuzz.yaml", RepositoryRoot.Path));

        Assert.StartsWith("pipelines/fuzz.yaml:4:1: ", error.Message); // where the parser stopped
        Assert.Contains("YAML syntax error", error.Message);
    }

    [Fact]
    public void Yaml_MutatedPipelines_LoadOrNameTheFile()
    {
        byte[][] seeds = [.. Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "pipelines"), "*.yaml").Order().Select(File.ReadAllBytes)];

        FuzzCases.Run(
            seeds,
            (input, _) => PipelineLoader.Parse(Encoding.UTF8.GetString(input), "pipelines/fuzz.yaml", RepositoryRoot.Path),
            error => error is PipelineDefinitionException { Message: var message } && message.StartsWith("pipelines/fuzz.yaml", StringComparison.Ordinal));
    }
}
