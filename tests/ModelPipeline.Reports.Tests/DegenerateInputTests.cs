namespace ModelPipeline.Reports.Tests;

/// <summary>Odd but possible inputs (NaN metrics, empty curves, one version, no features) still give a readable report.</summary>
public sealed class DegenerateInputTests
{
    [Fact]
    public void Render_NaNMetricsEmptyCurvesAndOneVersion_RendersWellFormedReports()
    {
        var side = new ModelSide("challenger 0.1.0", new Dictionary<string, double> { ["auc"] = double.NaN, ["rmse"] = double.PositiveInfinity })
        {
            Roc = new Curve([]),
            PrecisionRecall = new Curve([new CurvePoint(0, 1)]),
            Confusion = new ConfusionMatrix(["a", "b"], [[0, 0]]),
            Residuals = [new ResidualPoint(double.NaN, 1)],
        };
        var report = new ComparisonReport("p", "v", false, "binary", side, null, [], [new VersionPoint("0.1.0", double.NaN, false)], "auc", Some.Created);

        var html = HtmlReport.Render(report);
        var md = MarkdownReport.Render(report);

        Assert.NotEmpty(Svg.Parse(html));
        Assert.DoesNotContain("NaN", html);
        Assert.DoesNotContain("NaN", md);
        Assert.Contains("n/a", md);
        Assert.DoesNotContain("x-axis []", md);
        MarkdownTables.AssertWellFormed(md);
    }

    [Fact]
    public void Render_DriftWithoutFeatures_RendersWellFormedReports()
    {
        var report = new DriftReport("p", "1.0.0", "nothing measured", false, 0, [], Some.Created);

        var html = HtmlReport.Render(report);
        var md = MarkdownReport.Render(report);

        Assert.Empty(Svg.Elements(html));
        Assert.Contains("0 of 0 features drifted", md);
        MarkdownTables.AssertWellFormed(md);
    }
}
