using System.Runtime.CompilerServices;

namespace ModelPipeline.Registry.Tests;

/// <summary>
/// Compares text with <c>Fixtures/&lt;name&gt;</c> in the source tree. On mismatch writes <c>&lt;name&gt;.actual</c> beside it
/// so the change can be reviewed and, if intended, copied over the fixture.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual, [CallerFilePath] string caller = "")
    {
        var fixtures = Path.Combine(FindProjectDirectory(caller), "Fixtures");
        var expectedPath = Path.Combine(fixtures, name);
        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : null;
        if (expected == actual) return;
        File.WriteAllText(expectedPath + ".actual", actual);
        Assert.Fail($"{expectedPath} does not match; the actual text is in {name}.actual beside it");
    }

    private static string FindProjectDirectory(string caller)
    {
        var dir = Path.GetDirectoryName(caller);
        while (dir is not null && !File.Exists(Path.Combine(dir, "ModelPipeline.Registry.Tests.csproj"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("cannot find the test project directory from " + caller);
    }
}
