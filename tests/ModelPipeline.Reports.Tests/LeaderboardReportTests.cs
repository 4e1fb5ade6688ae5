using System.Text.RegularExpressions;

namespace ModelPipeline.Reports.Tests;

/// <summary>The "Model search" section of a comparison report made by <c>trainer.type: auto</c>: a table and a self-contained SVG chart.</summary>
public sealed class LeaderboardReportTests
{
    private static readonly Leaderboard Search = new("auc", "3 candidates, 5-fold CV on the training rows", [
        new LeaderboardRow(1, "logistic_regression", "l2=1", "full fit", 0.8452, 0.0166, 33_810_000, 0.66, true),
        new LeaderboardRow(0, "gradient_boosting", "learning_rate=0.1 max_iterations=100", "100 iterations (all)", 0.8351, 0.015, 50_000_000, 1.2, false),
        new LeaderboardRow(2, "gradient_boosting", "learning_rate=9 <b>", "12 iterations (rung 1/3)", double.NaN, double.NaN, 1_000, 0.01, false) { Error = "diverged" },
    ]);

    [Fact]
    public void Render_WithLeaderboard_TableAndChartEveryCandidateChosenFirst()
    {
        var html = HtmlReport.Render(Fixtures.Churn() with { Leaderboard = Search });

        var section = html[html.IndexOf("<section id=\"search\">", StringComparison.Ordinal)..];
        section = section[..(section.IndexOf("</section>", StringComparison.Ordinal) + 10)];
        Assert.Contains("<h2>Model search</h2>", section);
        Assert.Equal(3, Regex.Count(section, "<tr( class=\"chosen\")?><td>"));
        Assert.Contains("<tr class=\"chosen\"><td><strong>1 ✔</strong>", section);
        Assert.Contains("learning_rate=9 &lt;b&gt;", section);
        Assert.Contains("diverged", section);
        var chart = Assert.Single(Svg.Parse(section));
        Assert.Equal("Candidates by cross-validated auc", (string?)chart.Attribute("aria-label"));
        Assert.DoesNotMatch(new Regex("<script|<img|href=", RegexOptions.IgnoreCase), section);
        Assert.True(section.IndexOf("#1 logistic_regression", StringComparison.Ordinal) < section.IndexOf("#0 gradient_boosting", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_WithoutLeaderboard_NoSearchSection()
    {
        Assert.DoesNotContain("id=\"search\"", HtmlReport.Render(Fixtures.Churn()));
        Assert.DoesNotContain("Model search", MarkdownReport.Render(Fixtures.Churn()));
    }

    [Fact]
    public void Markdown_WithLeaderboard_TableChosenFirst()
    {
        var md = MarkdownReport.Render(Fixtures.Churn() with { Leaderboard = Search });

        Assert.Contains("#### Model search", md);
        Assert.Contains("| **1** ✅ | logistic_regression | `l2=1` | full fit | 0.8452 | 0.0166 |", md);
        Assert.Contains("| 2 | gradient_boosting |", md);
        Assert.Contains("diverged", md);
    }

    [Fact]
    public void Markdown_ManyCandidates_ShowsTheBestFifteenAndCountsTheRest()
    {
        var rows = Enumerable.Range(0, 40).Select(i => new LeaderboardRow(i, "gradient_boosting", $"l2={i}", "full fit", 0.8 - (i / 1000.0), 0.01, 1, 0.1, i == 0)).ToArray();

        var md = MarkdownReport.Render(Fixtures.Churn() with { Leaderboard = Search with { Rows = rows } });

        Assert.Contains("25 more candidates", md);
        Assert.DoesNotContain("`l2=15`", md);
        Assert.True(md.Length <= MarkdownReport.MaxLength);
    }
}
