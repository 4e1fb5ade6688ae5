using ModelPipeline.Containers.Registry;

namespace ModelPipeline.Containers.Tests;

public sealed class ImagePusherClassificationTests
{
    [Theory]
    [InlineData("push of r:t failed: received unexpected HTTP status: 503 Service Unavailable", true)]
    [InlineData("push of r:t failed: Get \"http://127.0.0.1:5999/v2/\": dial tcp 127.0.0.1:5999: connect: connection refused", true)]
    [InlineData("push of r:t failed: unauthorized: authentication required", false)]
    [InlineData("push of r:t failed: denied: requested access to the resource is denied", false)]
    public void IsTransientEngineMessage_RetriesOnlyServerAndNetworkFailures(string message, bool transient)
    {
        Assert.Equal(transient, ImagePusher.IsTransientEngineMessage(message));
    }
}
