using ModelPipeline.Containers.Images;
using ModelPipeline.Containers.Registry;
using ModelPipeline.Containers.Tests.Support;

namespace ModelPipeline.Containers.Tests;

/// <summary>
/// Pushing to a registry that wants a bearer token (ghcr.io, Docker Hub): 401 with a Bearer challenge, a token fetched
/// from the realm with the Basic login, the request retried with the token. A loopback token server in front of the real
/// registry answers with the shapes of the Docker registry token authentication spec.
/// </summary>
[Collection(ContainerServicesCollection.Name)]
public sealed class RegistryBearerAuthTests(ContainerServices services) : IDisposable
{
    private static string Repository => $"{ContainerServices.Namespace}/bearer";
    private static readonly RegistryRetryOptions FastRetry = new(MaxAttempts: 3, BaseDelaySeconds: 0.2, AttemptTimeoutSeconds: 60);
    private readonly TinyServer _server = new();

    [Fact]
    public async Task PushAsync_BearerChallenge_FetchesTokenWithBasicLoginAndPushes()
    {
        var (image, front) = await ArrangeAsync();
        await using var _ = front;
        var tag = RegistryProbe.UniqueTag("bearer");

        var result = await new ImagePusher(engine: null, FastRetry).PushAsync(image, front.Address, Repository, [tag, "latest"],
            new RegistryCredentials("robot", "s3cret-token"));

        Assert.Equal(result.Digest, await RegistryProbe.DigestAsync(ContainerServices.Registry, Repository, tag));
        Assert.Equal(result.Digest, await RegistryProbe.DigestAsync(ContainerServices.Registry, Repository, "latest"));
        var asked = Assert.Single(front.TokenRequests.Distinct());
        Assert.Equal(("robot", BearerTokenRegistry.Service, $"repository:{Repository}:pull,push", true), asked);
        Assert.Equal(1, front.Challenges);
        Assert.NotEmpty(front.ForwardedSchemes);
    }

    [Fact]
    public async Task PushAsync_TokenServiceRefusesLogin_FailsOnceWithoutRetriesOrPassword()
    {
        var (image, front) = await ArrangeAsync();
        await using var _ = front;

        var error = await Assert.ThrowsAsync<ImagePushException>(() => new ImagePusher(engine: null, FastRetry)
            .PushAsync(image, front.Address, Repository, ["wrong-password"], new RegistryCredentials("robot", "not-the-token")));

        Assert.Equal($"push to registry {front.Address} failed: token service http://{front.Address}/token refused a token for {Repository} (401) (after 1 try)",
            error.Message);
        Assert.DoesNotContain("not-the-token", error.ToString(), StringComparison.Ordinal);
        Assert.Single(front.TokenRequests);
        Assert.Empty(front.ForwardedSchemes);
    }

    [Fact]
    public async Task PushAsync_BearerChallengeWithoutCredentials_SaysWhichVariablesToSet()
    {
        var (image, front) = await ArrangeAsync();
        await using var _ = front;
        var pusher = new ImagePusher(engine: null, FastRetry);

        var error = await Assert.ThrowsAsync<ImagePushException>(() => pusher.PushAsync(image, front.Address, Repository, ["anonymous"],
            RegistryCredentials.FromEnvironment(front.Address, new Dictionary<string, string?>())));

        Assert.Contains("set REGISTRY_USERNAME/REGISTRY_PASSWORD (or GITHUB_TOKEN for ghcr.io)", error.Message, StringComparison.Ordinal);
        Assert.Equal((null, BearerTokenRegistry.Service, $"repository:{Repository}:pull,push", false), Assert.Single(front.TokenRequests));
    }

    /// <summary>A tiny OCI image and a token-auth front (user robot, password s3cret-token) before the real registry.</summary>
    private async Task<(BuiltImage Image, BearerTokenRegistry Front)> ArrangeAsync()
    {
        services.RequireRegistry();
        var image = await new OciImageWriter(Path.Combine(_server.Root, "oci")).BuildAsync(_server.Request($"{ContainerServices.Namespace}/tiny:bearer"));
        return (image, await BearerTokenRegistry.StartAsync(ContainerServices.Registry, "robot", "s3cret-token"));
    }

    public void Dispose() => _server.Dispose();
}
