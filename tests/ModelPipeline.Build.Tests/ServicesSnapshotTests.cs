namespace ModelPipeline.Build.Tests;

/// <summary>The Test target's before/after comparison of the user's registry and engine (ServicesSnapshot).</summary>
public sealed class ServicesSnapshotTests
{
    private static readonly string[] Pipelines = ["modelpipeline/churn"];

    [Fact]
    public void Differences_TestLeftovers_ListedAddedAndRemoved_PipelinesOwnImagesIgnored()
    {
        var before = ServicesSnapshot.Of(
        [
            "registry 127.0.0.1:5000/modelpipeline/churn:1.0.0",
            "engine 127.0.0.1:5000/modelpipeline/churn:1.0.0",
            "engine busybox:latest",
        ], Pipelines);
        var after = ServicesSnapshot.Of(
        [
            "registry 127.0.0.1:5000/modelpipeline/churn:1.1.0",
            "engine 127.0.0.1:5000/modelpipeline/churn:1.1.0",
            "engine ghcr.io/acme/modelpipeline/churn:champion",
            "engine 127.0.0.1:41234/modelpipeline-tests-0a1b2c3d/tiny-engine:1.0.0",
            "registry 127.0.0.1:5000/modelpipeline/churn-loop-test:champion",
        ], Pipelines);

        string[] expected =
        [
            "+ engine 127.0.0.1:41234/modelpipeline-tests-0a1b2c3d/tiny-engine:1.0.0",
            "+ registry 127.0.0.1:5000/modelpipeline/churn-loop-test:champion",
            "- engine busybox:latest",
        ];
        Assert.Equal(expected, before.Differences(after));
    }

    [Fact]
    public void Differences_SameEntries_None()
    {
        string[] entries = ["engine busybox:latest", "registry 127.0.0.1:5000/team/model:2"];

        Assert.Empty(ServicesSnapshot.Of(entries, Pipelines).Differences(ServicesSnapshot.Of([.. Enumerable.Reverse(entries)], Pipelines)));
    }
}
