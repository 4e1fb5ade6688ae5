using ModelPipeline.Targets;

namespace ModelPipeline.Build.Tests;

public sealed class BuildSchemaTests
{
    [Fact]
    public void CommittedSchema_MatchesTheBuildClass()
    {
        var committed = File.ReadAllText(Path.Combine(PipelineWorkspace.RepositoryRoot, ".nuke", "build.schema.json"));

        var generated = BuildSchema.Generate(typeof(ModelPipeline.Build.Build));

        Assert.True(committed == generated, ".nuke/build.schema.json is stale: run ./build.sh --generate-schema and commit it.");
    }
}
