using System.Text.RegularExpressions;

namespace ModelPipeline.Reports.Tests;

/// <summary>The comparison report's "What the models rely on" section (issue 17), in HTML and Markdown.</summary>
public sealed class ImportanceReportTests
{
    private static readonly ImportanceRow[] Challenger =
    [
        new("tenure", 0.080, 0.004, 0.61), new("contract", 0.030, 0.002, 0.35), new("monthly_charges", 0.010, 0.001, 0.12),
    ];

    private static readonly ImportanceRow[] Champion =
    [
        new("tenure", 0.050, 0.003, 0.44), new("contract", 0.060, 0.005, 0.52), new("monthly_charges", 0.011, 0.001, 0.13),
    ];

    private static ComparisonReport Report(bool champion = true)
    {
        var report = Fixtures.Churn();
        return report with
        {
            Challenger = report.Challenger with { Importance = Challenger },
            Champion = champion ? report.Champion! with { Importance = Champion } : null,
        };
    }

    [Fact]
    public void Html_WithBothModelsMeasured_ChartTableAndTheLargestChangesNamed()
    {
        var html = HtmlReport.Render(Report());

        var titles = Svg.Parse(html).Select(svg => (string?)svg.Attribute("aria-label")).ToList();
        Assert.Contains("Loss of auc when each input is shuffled", titles);
        Assert.Contains("<section id=\"importance\"><h2>What the models rely on</h2>", html);
        var label = Report().Challenger.Label;
        Assert.Contains($"{label} relies more on tenure (+0.0300), and less on contract (-0.0300) than the champion.", html);
        // Inputs ordered by the larger of the two losses: tenure (0.08), contract (0.06), monthly_charges.
        var rows = Regex.Matches(html[html.IndexOf("id=\"importance\"", StringComparison.Ordinal)..], "<tr><td>([a-z_]+)</td>").Select(m => m.Groups[1].Value);
        Assert.Equal(["tenure", "contract", "monthly_charges"], rows);
        Assert.Contains("<td>0.6100</td>", html);
    }

    [Fact]
    public void Markdown_WithBothModelsMeasured_SentenceAndTable()
    {
        var markdown = MarkdownReport.Render(Report());

        Assert.Contains("#### What the models rely on", markdown);
        Assert.Contains("relies more on tenure (+0.0300), and less on contract (-0.0300) than the champion.**", markdown);
        Assert.Contains("| tenure | 0.0800 ± 0.0040 | 0.0500 ± 0.0030 | +0.0300 |", markdown);
    }

    [Fact]
    public void FirstModel_NoChampion_TableWithoutChangeColumnAndNoSentence()
    {
        var html = HtmlReport.Render(Report(champion: false));
        var markdown = MarkdownReport.Render(Report(champion: false));

        Assert.Contains("What the models rely on", html);
        Assert.DoesNotContain("than the champion", html);
        Assert.Contains("| tenure | 0.0800 ± 0.0040 |\n", markdown);
    }

    [Fact]
    public void NotMeasured_NoSection()
    {
        Assert.DoesNotContain("What the models rely on", HtmlReport.Render(Fixtures.Churn()));
        Assert.DoesNotContain("What the models rely on", MarkdownReport.Render(Fixtures.Churn()));
    }
}
