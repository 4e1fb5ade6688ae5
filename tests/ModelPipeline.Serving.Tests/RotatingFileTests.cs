using ModelPipeline.Serving.Logging;

namespace ModelPipeline.Serving.Tests;

public sealed class RotatingFileTests
{
    [Fact]
    public void Write_PastMaxBytes_StartsNextFileAndKeepsNewest()
    {
        var directory = Path.Combine(Path.GetTempPath(), "mp-serving-tests", Guid.NewGuid().ToString("N"));
        var line = new byte[100];
        using (var file = new RotatingFile(directory, "predictions", maxBytes: 250, keep: 2))
        {
            for (var i = 0; i < 10; i++)
            {
                file.Write(line);
            }
        }

        var names = Directory.GetFiles(directory).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "predictions-000004.jsonl", "predictions-000005.jsonl" }, names);
        Assert.Equal(new[] { 200L, 200L }, names.Select(n => new FileInfo(Path.Combine(directory, n!)).Length));
    }

    [Fact]
    public void New_AfterRestart_ContinuesNumbering()
    {
        var directory = Path.Combine(Path.GetTempPath(), "mp-serving-tests", Guid.NewGuid().ToString("N"));
        using (var first = new RotatingFile(directory, "predictions", 1000, 10))
        {
            first.Write(new byte[10]);
        }

        using (var second = new RotatingFile(directory, "predictions", 1000, 10))
        {
            second.Write(new byte[10]);
        }

        Assert.Equal(new[] { "predictions-000001.jsonl", "predictions-000002.jsonl" }, Directory.GetFiles(directory).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal));
    }
}
