namespace ModelPipeline.Registry.Tests;

public sealed class PublishedImageTests : IDisposable
{
    private readonly TempRegistry _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void RecordImage_ExistingVersion_AppendsToImagesLog()
    {
        var registry = _temp.Open();
        registry.Register(Some.Draft());

        var image = registry.RecordImage("v1.0.0", "127.0.0.1:5000/churn@sha256:ab", "sha256:ab", ["1.0.0", "champion"]);

        Assert.Equal("1.0.0", image.Version);
        var stored = Assert.Single(registry.Images());
        Assert.Equal(("127.0.0.1:5000/churn@sha256:ab", "sha256:ab", _temp.Clock.Now), (stored.Reference, stored.Digest, stored.PushedUtc));
        Assert.Equal(["1.0.0", "champion"], stored.Tags);
    }

    [Fact]
    public void RecordImage_UnknownVersion_RecordsNothing()
    {
        var registry = _temp.Open();

        Assert.Throws<RegistryException>(() => registry.RecordImage("2.0.0", "r", "sha256:x", []));
        Assert.Empty(registry.Images());
    }
}
