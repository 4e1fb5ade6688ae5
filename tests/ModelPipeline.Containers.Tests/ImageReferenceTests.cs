using ModelPipeline.Containers.Registry;

namespace ModelPipeline.Containers.Tests;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("127.0.0.1:5000/churn/model:1.4.0@sha256:abc", "127.0.0.1:5000", "churn/model", "1.4.0", "sha256:abc")]
    [InlineData("ghcr.io/acme/churn:latest", "ghcr.io", "acme/churn", "latest", null)]
    [InlineData("localhost/churn", "localhost", "churn", null, null)]
    [InlineData("modelpipeline/churn:1.0", null, "modelpipeline/churn", "1.0", null)]
    [InlineData("busybox", null, "busybox", null, null)]
    [InlineData("localhost:5000/a/b/c@sha256:0f", "localhost:5000", "a/b/c", null, "sha256:0f")]
    public void Parse_ValidReference_SplitsPartsAndPrintsBack(string text, string? registry, string repository, string? tag, string? digest)
    {
        var reference = ImageReference.Parse(text);

        Assert.Equal(new ImageReference(registry, repository, tag, digest), reference);
        Assert.Equal(text, reference.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Churn/Model:1")]
    [InlineData("churn:")]
    [InlineData("churn@sha256")]
    [InlineData("a b")]
    public void Parse_Malformed_ThrowsFormatExceptionNamingTheText(string text)
    {
        var error = Assert.Throws<FormatException>(() => ImageReference.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithDigest_KeepsRegistryAndTag()
    {
        var pinned = ImageReference.Parse("127.0.0.1:5000/churn:1.4.0").WithDigest("sha256:ff");

        Assert.Equal("127.0.0.1:5000/churn:1.4.0@sha256:ff", pinned.ToString());
        Assert.Equal("127.0.0.1:5000/churn", pinned.Name);
    }
}
