namespace ModelPipeline.Data.Tests;

public sealed class DataFingerprintTests
{
    [Fact]
    public void Of_OneByteChanged_ChangesHash()
    {
        using var folder = new TempFolder();
        var a = folder.Write("a.csv", "x,y\n1,2\n");
        var b = folder.Write("b.csv", "x,y\n3,4\n");
        var before = DataFingerprint.Of([a, b]);

        File.WriteAllText(b, "x,y\n3,5\n");
        var after = DataFingerprint.Of([a, b]);

        Assert.Equal(before.Files[0], after.Files[0]);
        Assert.NotEqual(before.Files[1].Sha256, after.Files[1].Sha256);
        Assert.NotEqual(before.Combined, after.Combined);
    }

    [Fact]
    public void Of_SameContent_SameHashAsSha256sum()
    {
        using var folder = new TempFolder();
        var a = folder.Write("a.csv", "abc");

        var fingerprint = DataFingerprint.Of([a]);

        // printf abc | sha256sum
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", fingerprint.Files[0].Sha256);
        Assert.Equal(3, fingerprint.Files[0].Bytes);
        Assert.Equal(fingerprint.Combined, DataFingerprint.Of([a]).Combined);
    }
}
