using ModelPipeline.Containers.Registry;

namespace ModelPipeline.Containers.Tests;

public sealed class OciRegistryClientTests
{
    [Fact]
    public void ChallengeParameters_GhcrBearerChallenge_ParsesRealmServiceScope()
    {
        var parameters = OciRegistryClient.ChallengeParameters("realm=\"https://ghcr.io/token\",service=\"ghcr.io\",scope=\"repository:acme/churn:pull,push\"");

        Assert.Equal("https://ghcr.io/token", parameters["realm"]);
        Assert.Equal("ghcr.io", parameters["service"]);
        Assert.Equal("repository:acme/churn:pull,push", parameters["scope"]);
    }

    [Theory]
    [InlineData("127.0.0.1:5000", true)]
    [InlineData("localhost:5000", true)]
    [InlineData("[::1]:5000", true)]
    [InlineData("ghcr.io", false)]
    [InlineData("registry.example.com:5000", false)]
    public void IsInsecure_OnlyLoopbackByDefault(string registry, bool insecure)
    {
        Assert.Equal(insecure, OciRegistryClient.IsInsecure(registry));
    }
}
