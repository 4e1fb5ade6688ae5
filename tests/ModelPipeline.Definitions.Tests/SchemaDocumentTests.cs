namespace ModelPipeline.Definitions.Tests;

/// <summary>The schema document's full example must stay a valid pipeline.</summary>
public sealed class SchemaDocumentTests
{
    [Fact]
    public void Parse_DocumentedExample_IsValid()
    {
        var markdown = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "pipeline-yaml.md"));
        var section = markdown[markdown.IndexOf("## Example", StringComparison.Ordinal)..];
        var start = section.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];

        var definition = PipelineLoader.Parse(yaml, "pipelines/churn.yaml", RepositoryRoot.Path);

        Assert.Equal(SearchStrategy.Random, definition.Search?.Strategy);
        Assert.Equal(SignificanceTest.Bootstrap, definition.Gate.Significance?.Test);
        Assert.Equal(2, definition.Gate.Thresholds.Count);
        Assert.Equal(new FeatureDriftRule(DriftMethod.Psi, 0.2), definition.Monitor.Features["tenure"]);
    }
}
