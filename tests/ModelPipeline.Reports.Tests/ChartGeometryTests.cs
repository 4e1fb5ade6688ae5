namespace ModelPipeline.Reports.Tests;

public sealed class ChartGeometryTests
{
    [Theory]
    [InlineData(0, 1, 5, 0, 1, 0.2)]
    [InlineData(0.8012, 0.8419, 5, 0.8, 0.85, 0.01)]
    [InlineData(-0.3, 0.45, 4, -0.4, 0.6, 0.2)]
    [InlineData(42, 42, 5, 39, 45, 1)]
    public void Cover_Range_ReturnsNiceTicksAroundIt(double min, double max, int count, double first, double last, double step)
    {
        var ticks = Ticks.Cover(min, max, count);

        Assert.Equal(first, ticks.Min, 9);
        Assert.Equal(last, ticks.Max, 9);
        Assert.Equal(step, ticks.Step, 9);
        Assert.Equal(first, ticks.Values[0], 9);
        Assert.Equal(last, ticks.Values[^1], 9);
    }

    [Fact]
    public void Reduce_TenThousandPointRoc_KeepsEndsAndAtMost300Points()
    {
        var points = Enumerable.Range(0, 10_000).Select(i => new CurvePoint(i / 9999.0, Math.Sqrt(i / 9999.0))).ToList();

        var reduced = Downsampler.Reduce(points);

        Assert.Equal(Downsampler.CurvePoints, reduced.Count);
        Assert.Equal(points[0], reduced[0]);
        Assert.Equal(points[^1], reduced[^1]);
        Assert.True(reduced.Zip(reduced.Skip(1)).All(p => p.First.X <= p.Second.X), "points stay in drawing order");
    }

    [Fact]
    public void Reduce_FewPointsWithNaN_DropsOnlyTheNaN()
    {
        CurvePoint[] points = [new(0, 0), new(double.NaN, 0.5), new(1, 1)];

        Assert.Equal([new CurvePoint(0, 0), new CurvePoint(1, 1)], Downsampler.Reduce(points));
    }

    [Theory]
    [InlineData(0.0068, "+0.0068")]
    [InlineData(-0.015, "-0.0150")]
    [InlineData(3.7658, "+3.7658")]
    [InlineData(-12.345, "-12.35")]
    [InlineData(0.00001, "±0.0000")]
    [InlineData(double.NaN, "n/a")]
    public void Delta_Value_HasExplicitSign(double delta, string expected)
    {
        Assert.Equal(expected, Numbers.Delta(delta));
    }

    [Fact]
    public void From_MismatchedArrays_ThrowsWithBothLengths()
    {
        var error = Assert.Throws<ArgumentException>(() => Curve.From([0, 1], [0]));

        Assert.StartsWith("A curve needs as many x values as y values (got 2 and 1).", error.Message);
    }

    [Fact]
    public void From_IntArray_BuildsRowsByActualClass()
    {
        var matrix = ConfusionMatrix.From(["no", "yes"], new[,] { { 5, 1 }, { 2, 7 } });

        Assert.Equal([2L, 7L], matrix.Counts[1]);
    }

    [Fact]
    public void From_JaggedIntCounts_WidensEveryRow()
    {
        int[][] evaluationCounts = [[5, 1], [2, 7]];

        var matrix = ConfusionMatrix.From(["no", "yes"], evaluationCounts);

        Assert.Equal([[5L, 1L], [2L, 7L]], matrix.Counts);
    }

    [Fact]
    public void LabelledVersions_120Versions_LabelsNewestAndChampionWithoutCrowding()
    {
        var history = Some.History(120);

        var labelled = HistoryChart.LabelledVersions(history);

        Assert.Contains(119, labelled);
        Assert.Contains(118, history.Select((p, i) => (p, i)).Where(x => x.p.IsChampion).Select(x => x.i));
        Assert.DoesNotContain(118, labelled);
        Assert.InRange(labelled.Count, 8, 13);
        Assert.All(labelled.Zip(labelled.Skip(1)), pair => Assert.True(pair.Second - pair.First >= 8, $"{pair.First} and {pair.Second} crowd"));
    }

    [Fact]
    public void HistoryChart_ValuesFiveMillionthsApart_AreDrawnLevel()
    {
        var svg = System.Xml.Linq.XElement.Parse(HistoryChart.Render(
            [new VersionPoint("1.0.0", 0.841856, true), new VersionPoint("1.1.0", 0.841861, false)], "auc", "1.1.0"));

        var heights = svg.Descendants()
            .Where(e => e.Name.LocalName == "circle" && ((string?)e.Attribute("class") ?? "").Contains("point"))
            .Select(e => double.Parse((string)e.Attribute("cy")!, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(2, heights.Count);
        Assert.True(Math.Abs(heights[0] - heights[1]) < 1, $"drawn {Math.Abs(heights[0] - heights[1]):F1} px apart");
    }

    [Theory]
    [InlineData(0.841856, 0.841861)]
    [InlineData(0.5, 0.5)]
    [InlineData(3000, 3001)]
    public void Spanning_CloseValues_SpanAtLeast5PercentOfTheirSize(double min, double max)
    {
        var ticks = Ticks.Spanning(min, max);

        Assert.True(ticks.Max - ticks.Min >= Math.Abs(max) * 0.05, $"{ticks.Min} .. {ticks.Max}");
        Assert.InRange(min, ticks.Min, ticks.Max);
        Assert.InRange(max, ticks.Min, ticks.Max);
    }

    [Fact]
    public void Spanning_DistantValues_IsCover()
    {
        var (cover, spanning) = (Ticks.Cover(0.62, 0.87), Ticks.Spanning(0.62, 0.87));

        Assert.Equal((cover.Min, cover.Max, cover.Step), (spanning.Min, spanning.Max, spanning.Step));
    }

    [Fact]
    public void LabelledVersions_FewVersions_LabelsEveryOne()
    {
        Assert.Equal([0, 1, 2, 3, 4], HistoryChart.LabelledVersions(Some.History(5)));
    }
}
