namespace ModelPipeline.Reports.Tests;

public sealed class DriftReportTests
{
    [Fact]
    public void Html_FlightsDrift_DrawsOneDistributionPerFeatureAndTheLabel()
    {
        var report = Fixtures.Flights();

        var html = HtmlReport.Render(report);

        var titles = Svg.Parse(html).Select(svg => (string?)svg.Attribute("aria-label")).ToList();
        Assert.Equal(report.Features.Count + 1, titles.Count);
        Assert.Equal("Distribution of delayed: reference vs current", titles[0]);
        Assert.Equal("Distribution of month: reference vs current", titles[1]);
        Assert.DoesNotContain("http://www.w3.org/2000/svg", html.Replace("xmlns=\"http://www.w3.org/2000/svg\"", string.Empty));
    }

    [Fact]
    public void Html_ManyCategories_KeepsTheLargest29AndAnOtherBar()
    {
        var origin = Fixtures.Flights().Features.Single(f => f.Name == "origin");
        Assert.True(origin.Reference.Count > 200);

        var bins = DistributionChart.PairBins(origin.Reference, origin.Current);

        Assert.Equal(DistributionChart.MaxBins, bins.Count);
        Assert.StartsWith("other (", bins[^1].Label);
        Assert.Equal(1.0, bins.Sum(b => b.Reference), 6);
        Assert.Equal(1.0, bins.Sum(b => b.Current), 6);
    }

    [Fact]
    public void Html_DatasetDrift_ShowsRedBadge()
    {
        var report = Fixtures.Flights() with { DatasetDrift = true, Verdict = "Retrain <now>" };

        var html = HtmlReport.Render(report);

        Assert.Contains("<span class=\"badge bad\">Drift detected</span><span>Retrain &lt;now&gt;</span>", html);
    }

    [Fact]
    public void Sort_MixedDistancesAndPValues_PutsDriftedFirstThenFurthestPastThreshold()
    {
        FeatureDriftRow[] features =
        [
            Some.Feature("stable_psi", 0.01, false),
            Some.Feature("drifted_psi", 0.3, true),
            Some.Feature("drifted_p", 0.0001, true, pValue: true),
            Some.Feature("stable_p", 0.2, false, pValue: true),
        ];

        var sorted = DriftOrder.Sort(features).Select(f => f.Name);

        Assert.Equal(["drifted_p", "drifted_psi", "stable_p", "stable_psi"], sorted);
    }

    [Fact]
    public void Markdown_FlightsDrift_ListsFeaturesSortedWithLabelAndWellFormedTables()
    {
        var md = MarkdownReport.Render(Fixtures.Flights());

        Assert.StartsWith("### 🟢 flights 1.0.0: no dataset drift\n\n**1 of 7 features drifted; delay rate fell 21.5% → 18.3%**", md);
        Assert.Contains("<sub>1 of 7 features drifted (14.3%) · reference rows: 100,000 · current rows: 100,000 · 2026-11-22 07:00 UTC</sub>", md);
        var tables = MarkdownTables.AssertWellFormed(md);
        Assert.StartsWith("| ❌ | month | numeric | PSI | 16.22 | 0.1000 |", tables[0][2]);
        Assert.StartsWith("| ✅ | origin | categorical | PSI | 0.0074 |", tables[0][3]);
        Assert.Contains("| ✅ | label: delayed | categorical | PSI | 0.0064 | 0.1000 |", md);
    }

    [Fact]
    public void Markdown_DriftedFeature_ChartsReferenceAgainstCurrent()
    {
        var md = MarkdownReport.Render(Fixtures.Flights());

        Assert.Contains(
            "#### month drifted\n\n```mermaid\nxychart-beta\n    title \"month: reference (bars) vs current (line)\"\n"
            + "    x-axis [\"[0.5, 1.5)\", \"[1.5, 2.5)\", \"[2.5, 3.5)\", \"[3.5, 4.5)\", \"[4.5, 5.5)\", \"[5.5, 6.5)\"]\n"
            + "    y-axis \"% of rows\" 0 --> 40\n"
            + "    bar [34.03, 31.01, 34.95, 0, 0, 0]\n"
            + "    line [0, 0, 0, 32.57, 34.12, 33.31]\n```\n",
            md);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(md, "```mermaid"));
    }

    [Fact]
    public void Markdown_PerformanceAndAnomalies_AreTabulated()
    {
        var report = Fixtures.Flights() with
        {
            Performance = [new PerformanceRow("auc", 0.7050, 0.6550, new Interval(0.64, 0.67))],
            AnomalyRate = 0.0125,
            TopAnomalies = [new AnomalyRow(17, 0.81, [new("origin", "XYZ"), new("distance", "9|9")])],
        };

        var md = MarkdownReport.Render(report);

        MarkdownTables.AssertWellFormed(md);
        Assert.Contains("| auc | 0.7050 | 0.6550 <sub>[0.6400, 0.6700]</sub> | -0.0500 |", md);
        Assert.Contains("| 17 | 0.8100 | origin=XYZ, distance=9\\|9 |", md);
        Assert.Contains("anomaly rate: 1.3%", md);
    }
}
