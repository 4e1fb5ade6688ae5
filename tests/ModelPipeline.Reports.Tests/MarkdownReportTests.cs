using System.Text.RegularExpressions;

namespace ModelPipeline.Reports.Tests;

public sealed class MarkdownReportTests
{
    [Fact]
    public void Render_Churn_StatesVerdictMetricsGateAndChart()
    {
        var md = MarkdownReport.Render(Fixtures.Churn());

        Assert.StartsWith("### ✅ churn: challenger 1.3.0 promoted\n\n**Challenger 1.3.0 promoted: auc 0.8419 vs 0.8350 (+0.0068)**", md);
        Assert.Contains("| **auc** (primary) | 0.8419 <sub>[0.8184, 0.8637]</sub> | 0.8350 <sub>[0.8127, 0.8576]</sub> | +0.0068 🟢 |", md);
        Assert.Contains("| log_loss | 0.4206 <sub>[0.3947, 0.4462]</sub> | 0.4356 <sub>[0.3971, 0.4751]</sub> | -0.0150 🟢 |", md);
        Assert.Contains("| ✅ | auc does not drop by more than 0.005 | +0.0068 |", md);
        Assert.Contains("```mermaid\nxychart-beta\n", md);
        Assert.Contains("    x-axis [\"1.0.0\", \"1.0.1\", \"1.1.0\", \"1.2.0\", \"1.3.0 ★\"]\n", md);
        Assert.Contains("    line [0.8012, 0.8105, 0.8231, 0.835046, 0.841853]\n", md);
    }

    [Theory]
    [InlineData("churn")]
    [InlineData("satellite")]
    [InlineData("diabetes")]
    public void Render_RealComparison_TablesAreWellFormed(string fixture)
    {
        var report = fixture switch { "churn" => Fixtures.Churn(), "satellite" => Fixtures.Satellite(), _ => Fixtures.Diabetes() };

        var tables = MarkdownTables.AssertWellFormed(MarkdownReport.Render(report));

        Assert.Equal(2, tables.Count);
        Assert.Equal(report.Challenger.Metrics.Count + 2, tables[0].Count);
    }

    [Fact]
    public void Render_ChallengerLost_ShowsCrossAndFailedCheck()
    {
        var md = MarkdownReport.Render(Fixtures.Diabetes());

        Assert.StartsWith("### ❌ diabetes: challenger 0.4.0 not promoted", md);
        Assert.Contains("| ❌ | rmse does not rise | 57.54 vs 53.78 |", md);
        Assert.Contains("| rmse", md);
        Assert.Contains("| +3.77 🔴 |", md);
    }

    [Fact]
    public void Render_UserTextWithPipesAndTags_KeepsTablesIntact()
    {
        var report = Some.Comparison(pipeline: "a|b") with
        {
            Checks = [new GateCheckRow("x | y", false, "<script>alert(1)</script>\nsecond line")],
        };

        var md = MarkdownReport.Render(report);

        MarkdownTables.AssertWellFormed(md);
        Assert.DoesNotContain("<script>", md);
        Assert.Contains("| ❌ | x \\| y | &lt;script&gt;alert(1)&lt;/script&gt; second line |", md);
    }

    [Fact]
    public void Render_FactWithMarkupAndBackticks_ShowsItLiterallyInACodeSpan()
    {
        var report = Some.Comparison() with { Facts = [new("config", "a<b `x` | y")] };

        var md = MarkdownReport.Render(report);

        Assert.Contains("config: `a<b 'x' \\| y`", md);
    }

    [Fact]
    public void Render_LongHistory_ChartsOnlyTheLast30Versions()
    {
        var report = Some.Comparison() with { History = Some.History(5000) };

        var md = MarkdownReport.Render(report);

        var axis = Regex.Match(md, "x-axis \\[(.*)\\]").Groups[1].Value;
        Assert.Equal(MermaidChart.MaxVersions, axis.Split(", ").Length);
        Assert.StartsWith("\"1.4970.0\"", axis);
        Assert.Contains("\"1.4998.0 ★\"", axis);
        Assert.Contains("across the last 30 of 5000 versions", md);
    }

    [Fact]
    public void Render_HistoryFiveMillionthsApart_AxisIsNotStretchedToTheDifference()
    {
        var report = Some.Comparison() with
        {
            History = [new VersionPoint("1.0.0", 0.8418610659, true), new VersionPoint("1.1.0", 0.841866, false)],
        };

        var md = MarkdownReport.Render(report);

        var axis = Regex.Match(md, "y-axis \"auc\" ([0-9.]+) --> ([0-9.]+)");
        Assert.True(axis.Success, md);
        var span = double.Parse(axis.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)
            - double.Parse(axis.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(span >= 0.04, $"axis spans {span}");
        Assert.Contains("    line [0.841861, 0.841866]\n", md);
        Assert.Contains(MarkdownReport.HistoryNote, md);
    }

    [Fact]
    public void Render_PromotionFlagsOldAndNewChampion_StarsOnlyTheNewest()
    {
        var report = Some.Comparison() with
        {
            History = [new VersionPoint("1.1.0", 0.84, false), new VersionPoint("1.2.0", 0.85, true), new VersionPoint("1.3.0", 0.87, true)],
        };

        var md = MarkdownReport.Render(report);

        Assert.Contains("    x-axis [\"1.1.0\", \"1.2.0\", \"1.3.0 ★\"]\n", md);
    }

    [Fact]
    public void Render_ThousandsOfGateChecks_StaysUnderGitHubsCommentLimit()
    {
        var checks = Enumerable.Range(0, 5000).Select(i => new GateCheckRow($"check {i}", i % 2 == 0, new string('x', 200))).ToList();
        var report = Some.Comparison() with { Checks = checks };

        var md = MarkdownReport.Render(report);

        Assert.InRange(md.Length, 60_000, MarkdownReport.MaxLength);
        Assert.Equal(0, Regex.Count(md, "^```", RegexOptions.Multiline) % 2);
        Assert.EndsWith("see the HTML report for everything._\n", md);
        MarkdownTables.AssertWellFormed(md);
    }

    [Fact]
    public void Render_FirstRunWithoutHistory_ChartsMetricsInstead()
    {
        var report = Some.Comparison(withChampion: false) with { History = [] };

        var md = MarkdownReport.Render(report);

        Assert.Contains("| Metric | challenger 1.3.0 |\n|:---|---:|\n", md);
        Assert.Contains("    x-axis [\"auc\", \"log_loss\"]\n    y-axis \"value\" 0 --> 1\n    bar [0.87, 0.4]\n", md);
    }
}
