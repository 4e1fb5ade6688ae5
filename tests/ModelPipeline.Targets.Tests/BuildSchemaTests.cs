using System.Text.Json;

namespace ModelPipeline.Targets.Tests;

public sealed class BuildSchemaTests
{
    [Fact]
    public void Generate_SampleBuild_HasTargetEnumInDeclarationOrder()
    {
        using var schema = JsonDocument.Parse(BuildSchema.Generate(typeof(PipelineBuild)));

        var targets = schema.RootElement.GetProperty("definitions").GetProperty("ExecutableTarget").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(["Restore", "Retrain", "Evaluate", "Package", "Push", "Default"], targets);
        var properties = Properties(schema);
        foreach (var name in new[] { "Target", "Skip" })
        {
            Assert.Equal("array", properties.GetProperty(name).GetProperty("type").GetString());
            Assert.Equal("#/definitions/ExecutableTarget", properties.GetProperty(name).GetProperty("items").GetProperty("$ref").GetString());
        }
    }

    [Fact]
    public void Generate_Parameters_HaveTypesDescriptionsAndEnumValues()
    {
        using var schema = JsonDocument.Parse(BuildSchema.Generate(typeof(ParameterBuild)));
        var properties = Properties(schema);

        Assert.Equal("Pipeline name", properties.GetProperty("Pipeline").GetProperty("description").GetString());
        Assert.Equal("string", Type(properties, "Pipeline"));
        Assert.Equal("boolean", Type(properties, "Force"));
        Assert.Equal("integer", Type(properties, "Seed"));
        Assert.Equal("integer", Type(properties, "Budget"));
        Assert.Equal("number", Type(properties, "Holdout"));
        Assert.Equal("string", Type(properties, "Output"));
        Assert.Equal("array", Type(properties, "Tags"));
        Assert.Equal("string", properties.GetProperty("Tags").GetProperty("items").GetProperty("type").GetString());
        Assert.Equal(["Development", "Production"],
            properties.GetProperty("Deployment").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public void Generate_Secret_IsMarked()
    {
        using var schema = JsonDocument.Parse(BuildSchema.Generate(typeof(PipelineBuild)));

        Assert.True(Properties(schema).GetProperty("RegistryToken").GetProperty("x-secret").GetBoolean());
    }

    [Fact]
    public void Generate_SameType_IsByteIdenticalWithUnixLineEnds()
    {
        var first = BuildSchema.Generate(typeof(ParameterBuild));

        Assert.Equal(first, BuildSchema.Generate(typeof(ParameterBuild)));
        Assert.DoesNotContain("\r", first);
        Assert.EndsWith("}\n", first);
    }

    [Fact]
    public void Generate_NotABuild_Throws()
    {
        Assert.Throws<ArgumentException>(() => BuildSchema.Generate(typeof(string)));
    }

    private static JsonElement Properties(JsonDocument schema) =>
        schema.RootElement.GetProperty("definitions").GetProperty("build").GetProperty("properties");

    private static string? Type(JsonElement properties, string name) =>
        properties.GetProperty(name).GetProperty("type").GetString();
}
