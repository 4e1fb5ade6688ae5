using System.Globalization;
using System.Text.RegularExpressions;

namespace ModelPipeline.Reports.Tests;

public sealed class HtmlReportTests
{
    [Theory]
    [InlineData("churn")]
    [InlineData("satellite")]
    [InlineData("diabetes")]
    public void Render_RealComparison_ReferencesNothingOutsideTheFile(string fixture)
    {
        var html = HtmlReport.Render(Load(fixture));

        Assert.DoesNotMatch(new Regex("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("<script|<link|<img|<iframe|@import|url\\(", RegexOptions.IgnoreCase), html);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<title>", html);
        Assert.Contains("<meta name=\"viewport\"", html);
    }

    [Fact]
    public void Render_BinaryWithChampion_DrawsMetricBarsRocPrAndHistory()
    {
        var html = HtmlReport.Render(Fixtures.Churn());

        var titles = Svg.Parse(html).Select(svg => (string?)svg.Attribute("aria-label")).ToList();
        Assert.Equal(["Metrics with confidence intervals", "ROC curve", "Precision-recall curve", "auc across versions"], titles);
        Assert.Equal(2, Regex.Count(html, "<table class=\"heat\">"));
    }

    [Fact]
    public void Render_Regression_DrawsOneResidualScatterPerModel()
    {
        var report = Fixtures.Diabetes();

        var html = HtmlReport.Render(report);

        var titles = Svg.Parse(html).Select(svg => (string?)svg.Attribute("aria-label")).ToList();
        Assert.Equal(["Metrics with confidence intervals", "Predicted vs actual, challenger 0.4.0", "Predicted vs actual, champion 0.3.0", "rmse across versions"], titles);
        var dots = Svg.Parse(html)[1].Descendants().Count(e => e.Name.LocalName == "circle");
        Assert.Equal(report.Challenger.Residuals!.Count, dots);
    }

    [Fact]
    public void Render_Multiclass_ShowsEveryClassInTheConfusionMatrix()
    {
        var report = Fixtures.Satellite();

        var html = HtmlReport.Render(report);

        Assert.Equal(2, Regex.Count(html, "<table class=\"heat\">"));
        foreach (var name in report.Challenger.Confusion!.Classes)
        {
            Assert.Contains($"<th>{name}</th>", html);
        }

        // satellite holdout: 1,287 rows; every count appears once per matrix cell.
        Assert.Equal(1287, report.Challenger.Confusion.Counts.Sum(r => r.Sum()));
    }

    [Fact]
    public void Render_PipelineAndLabelsWithMarkup_EscapesThem()
    {
        var report = Some.Comparison(pipeline: "<script>alert(1)</script>") with
        {
            Challenger = Some.Side("<b>x</b> & \"y\"", 0.9, 0.3),
            Checks = [new GateCheckRow("auc > 0.5 <img src=x>", true, "a & b")],
        };

        var html = HtmlReport.Render(report);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>x</b>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;", html);
        Assert.All(Svg.Parse(html), svg => Assert.Equal("svg", svg.Name.LocalName));
    }

    [Fact]
    public void Render_UnderCommaDecimalCulture_FormatsNumbersInvariant()
    {
        var previous = CultureInfo.CurrentCulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        try
        {
            CultureInfo.CurrentCulture = comma;

            var html = HtmlReport.Render(Fixtures.Churn());

            Assert.Contains("0.8419", html);
            Assert.DoesNotContain("0,8419", html);
            var attributes = Svg.Parse(html).SelectMany(svg => svg.DescendantsAndSelf()).SelectMany(e => e.Attributes()).ToList();
            Assert.All(
                attributes.Where(a => a.Name.LocalName is "x" or "y" or "x1" or "y1" or "x2" or "y2" or "cx" or "cy" or "r" or "width" or "height"),
                a => Assert.Matches("^-?\\d+(\\.\\d+)?$", a.Value));
            Assert.All(
                attributes.Where(a => a.Name.LocalName == "points").SelectMany(a => a.Value.Split(' ')),
                pair => Assert.Matches("^-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?$", pair));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Render_CurvesWithThousandsOfPoints_DrawsAtMost300PerCurve()
    {
        var report = Fixtures.Churn();
        Assert.True(report.Challenger.PrecisionRecall!.Points.Count > 1000);

        var counts = Svg.PolylinePointCounts(HtmlReport.Render(report));

        Assert.NotEmpty(counts);
        Assert.All(counts, count => Assert.InRange(count, 2, 300));
    }

    [Theory]
    [InlineData(true, "badge ok", "Promoted")]
    [InlineData(false, "badge bad", "Not promoted")]
    public void Render_Verdict_ShowsGreenOrRedBadge(bool promoted, string badgeClass, string badgeText)
    {
        var html = HtmlReport.Render(Some.Comparison(promoted: promoted));

        Assert.Contains($"<span class=\"{badgeClass}\">{badgeText}</span>", html);
    }

    [Fact]
    public void Render_PromotionFlagsOldAndNewChampion_RingsNewestAsChampionAndOlderAsFormer()
    {
        var report = Some.Comparison() with
        {
            History = [new VersionPoint("1.2.0", 0.85, true), new VersionPoint("1.3.0", 0.87, true)],
        };

        var history = Svg.Parse(HtmlReport.Render(report))[^1];

        var texts = history.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains("champion 0.8700", texts);
        Assert.DoesNotContain("champion 0.8500", texts);
        Assert.Contains(history.Descendants(), e => (string?)e.Attribute("class") == "champion-ring former");
        Assert.Contains(history.Descendants(), e => e.Value == "1.2.0: auc = 0.8500 (former champion)");
    }

    [Fact]
    public void Render_FirstRunWithoutChampion_ShowsChallengerOnly()
    {
        var html = HtmlReport.Render(Some.Comparison(withChampion: false) with { History = [] });

        Assert.Contains("first model (no champion yet)", html);
        Assert.DoesNotContain("Δ", html);
        Assert.Single(Svg.Elements(html));
    }

    [Fact]
    public void Render_LowerIsBetterMetric_ColoursADropAsAnImprovement()
    {
        var html = HtmlReport.Render(Some.Comparison());

        Assert.Contains("<td class=\"num better\">+0.0200</td>", html);
        Assert.Contains("<td class=\"num better\">-0.0200</td>", html);
    }

    [Fact]
    public void Render_CustomLayoutTemplate_WrapsTheContent()
    {
        var options = new HtmlReportOptions { LayoutTemplate = "<html><title>{{ title }}</title><body class=\"acme\">{{ content }}</body></html>" };

        var html = HtmlReport.Render(Some.Comparison(pipeline: "a<b"), options);

        Assert.StartsWith("<html><title>a&lt;b: Challenger 1.3.0 promoted</title><body class=\"acme\"><header", html);
    }

    [Fact]
    public void Render_BrokenLayoutTemplate_ThrowsReportTemplateException()
    {
        var options = new HtmlReportOptions { LayoutTemplate = "<html>\n<title>{{ if title }}unclosed" };

        var error = Assert.Throws<ReportTemplateException>(() => HtmlReport.Render(Some.Comparison(), options));

        Assert.StartsWith("The report layout template is not valid Scriban: report layout:2:", error.Message);
        Assert.Contains("end", error.Message);
    }

    [Fact]
    public void Render_LayoutWithUnknownVariable_ThrowsNamingLineAndColumn()
    {
        var options = new HtmlReportOptions { LayoutTemplate = "<html>\n<title>{{ titel }}</title>{{ content }}</html>" };

        var error = Assert.Throws<ReportTemplateException>(() => HtmlReport.Render(Some.Comparison(), options));

        Assert.Equal("The report layout template is not valid Scriban: report layout:2:11: The variable or function `titel` was not found", error.Message);
    }

    [Fact]
    public void Render_SameReportTwice_IsByteIdentical()
    {
        Assert.Equal(HtmlReport.Render(Fixtures.Churn()), HtmlReport.Render(Fixtures.Churn()));
    }

    private static ComparisonReport Load(string fixture) => fixture switch
    {
        "churn" => Fixtures.Churn(),
        "satellite" => Fixtures.Satellite(),
        _ => Fixtures.Diabetes(),
    };
}
