namespace ModelPipeline.Reports.Tests;

/// <summary>
/// The Markdown a pull request shows, locked as reviewed snapshots. After a deliberate change, copy
/// bin/.../snapshots/*.md over Fixtures/*.expected.md and review the diff.
/// </summary>
public sealed class MarkdownSnapshotTests
{
    [Theory]
    [InlineData("churn_comparison")]
    [InlineData("diabetes_comparison")]
    [InlineData("flights_drift")]
    public void Render_Fixture_MatchesReviewedSnapshot(string fixture)
    {
        var actual = fixture switch
        {
            "churn_comparison" => MarkdownReport.Render(Fixtures.Churn()),
            "diabetes_comparison" => MarkdownReport.Render(Fixtures.Diabetes()),
            _ => MarkdownReport.Render(Fixtures.Flights()),
        };
        var snapshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "snapshots")).FullName;
        File.WriteAllText(Path.Combine(snapshots, fixture + ".expected.md"), actual);

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture + ".expected.md")).ReplaceLineEndings("\n");

        Assert.Equal(expected, actual);
    }
}
