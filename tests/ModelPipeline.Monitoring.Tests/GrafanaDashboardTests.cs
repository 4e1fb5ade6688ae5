using System.Text.Json;

namespace ModelPipeline.Monitoring.Tests;

public sealed class GrafanaDashboardTests
{
    [Fact]
    public void Render_Churn_HasTheFourViewsEachFilteredToThePipeline()
    {
        using var document = JsonDocument.Parse(GrafanaDashboard.Render("churn"));
        var root = document.RootElement;
        var panels = root.GetProperty("panels").EnumerateArray().ToList();

        Assert.Equal("modelpipeline-churn", root.GetProperty("uid").GetString());
        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
        var expressions = panels.SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()!).ToList();
        Assert.All(expressions, e => Assert.Contains("pipeline=\"churn\"", e));
        Assert.Contains(expressions, e => e.Contains("modelpipeline_requests_total", StringComparison.Ordinal));
        Assert.Contains(expressions, e => e.Contains("modelpipeline_request_duration_seconds_bucket", StringComparison.Ordinal));
        Assert.Contains(expressions, e => e.Contains("modelpipeline_predictions_total", StringComparison.Ordinal));
        Assert.Contains(expressions, e => e.Contains("modelpipeline_feature_drift", StringComparison.Ordinal));
        var cells = panels.Select(p => p.GetProperty("gridPos")).Select(g => (g.GetProperty("x").GetInt32(), g.GetProperty("y").GetInt32())).ToList();
        Assert.Equal(cells.Count, cells.Distinct().Count());
    }
}
