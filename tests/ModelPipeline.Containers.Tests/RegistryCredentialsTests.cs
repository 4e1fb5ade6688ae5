using ModelPipeline.Containers.Registry;

namespace ModelPipeline.Containers.Tests;

public sealed class RegistryCredentialsTests
{
    [Fact]
    public void FromEnvironment_RegistryUserAndPassword_AreUsed()
    {
        var credentials = RegistryCredentials.FromEnvironment("registry.example.com",
            new Dictionary<string, string?> { ["REGISTRY_USERNAME"] = "ci", ["REGISTRY_PASSWORD"] = "s3cret" });

        Assert.Equal(("ci", "s3cret"), (credentials!.Username, credentials.Password));
    }

    [Fact]
    public void FromEnvironment_GithubTokenForGhcr_UsesActor()
    {
        var credentials = RegistryCredentials.FromEnvironment("ghcr.io",
            new Dictionary<string, string?> { ["GITHUB_TOKEN"] = "ghs_x", ["GITHUB_ACTOR"] = "octocat" });

        Assert.Equal(("octocat", "ghs_x"), (credentials!.Username, credentials.Password));
    }

    [Fact]
    public void FromEnvironment_GithubTokenForOtherRegistry_IsNotSent()
    {
        Assert.Null(RegistryCredentials.FromEnvironment("127.0.0.1:5000", new Dictionary<string, string?> { ["GITHUB_TOKEN"] = "ghs_x" }));
    }

    [Fact]
    public void ToString_NeverShowsThePassword()
    {
        Assert.Equal("ci:***", new RegistryCredentials("ci", "s3cret").ToString());
    }
}
