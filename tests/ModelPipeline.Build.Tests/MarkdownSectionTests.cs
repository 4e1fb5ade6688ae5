namespace ModelPipeline.Build.Tests;

/// <summary>docs/benchmarks.md is rewritten by parts of the benchmark; sections it does not write must survive.</summary>
public sealed class MarkdownSectionTests
{
    [Fact]
    public void KeepOthers_SectionOnlyInThePreviousFile_IsKeptWordForWord_OwnSectionsAreNotDuplicated()
    {
        const string previous = "# Benchmarks\n\nold top\n\n## Serving\n\nold serving\n\n## Server memory\n\n| body | peak |\n|---|---:|\n| csv | 354 MiB |\n\n## Monitoring\n\nold monitoring\n";
        const string rewritten = "# Benchmarks\n\nnew top\n\n## Serving\n\nnew serving\n\n## Monitoring\n\nnew monitoring\n";

        var kept = MarkdownSection.KeepOthers(rewritten, previous);

        Assert.Contains("## Server memory\n\n| body | peak |\n|---|---:|\n| csv | 354 MiB |\n", kept);
        Assert.Contains("new serving", kept);
        Assert.DoesNotContain("old serving", kept);
        Assert.Equal(2, kept.Split("## Monitoring").Length);
    }
}
