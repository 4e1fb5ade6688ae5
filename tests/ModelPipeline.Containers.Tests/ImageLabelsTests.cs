using ModelPipeline.Containers.Images;

namespace ModelPipeline.Containers.Tests;

public sealed class ImageLabelsTests
{
    [Fact]
    public void For_AllValues_ProducesOciAndModelPipelineLabels()
    {
        var labels = ImageLabels.For("churn", "1.4.0", "sha256:abc", "promote", "https://github.com/acme/ml", "0123abc",
            new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(2)));

        Assert.Equal(new Dictionary<string, string>
        {
            ["io.modelpipeline.data-hash"] = "sha256:abc",
            ["io.modelpipeline.decision"] = "promote",
            ["io.modelpipeline.model-version"] = "1.4.0",
            ["io.modelpipeline.pipeline"] = "churn",
            ["org.opencontainers.image.created"] = "2026-11-22T07:00:00Z",
            ["org.opencontainers.image.revision"] = "0123abc",
            ["org.opencontainers.image.source"] = "https://github.com/acme/ml",
            ["org.opencontainers.image.title"] = "churn",
            ["org.opencontainers.image.version"] = "1.4.0",
        }, labels);
    }

    [Fact]
    public void For_MissingOptionalValues_AreLeftOut()
    {
        var labels = ImageLabels.For("churn", "1.0.0");

        Assert.DoesNotContain(ImageLabels.DataHash, labels.Keys);
        Assert.DoesNotContain(ImageLabels.Revision, labels.Keys);
    }
}
