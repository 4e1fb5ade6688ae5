namespace ModelPipeline.Targets.Tests;

public sealed class NamingTests
{
    [Theory]
    [InlineData("Pipeline", "pipeline", "PIPELINE")]
    [InlineData("RegistryUrl", "registry-url", "REGISTRY_URL")]
    [InlineData("HTTPServer", "http-server", "HTTP_SERVER")]
    [InlineData("Sha256Digest", "sha256-digest", "SHA256_DIGEST")]
    [InlineData("_registryToken", "registry-token", "REGISTRY_TOKEN")]
    public void MemberNaming_PascalCase_GivesOptionAndVariableNames(string member, string kebab, string snake)
    {
        Assert.Equal(kebab, MemberNaming.KebabCase(member));
        Assert.Equal(snake, MemberNaming.UpperSnakeCase(member));
    }

    [Theory]
    [InlineData("Retrian", "Retrain")]
    [InlineData("evaluat", "Evaluate")]
    [InlineData("PUSH", "Push")]
    public void Closest_SmallTypo_FindsIntendedName(string input, string expected)
    {
        Assert.Equal(expected, NearestName.Find(input, ["Retrain", "Evaluate", "Push"]));
    }

    [Fact]
    public void Closest_NothingNear_ReturnsNull()
    {
        Assert.Null(NearestName.Find("Deploy", ["Retrain", "Evaluate", "Push"]));
    }
}
