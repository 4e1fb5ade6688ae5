namespace ModelPipeline.Monitoring.Tests;

public sealed class PrometheusAlertRulesTests
{
    [Fact]
    public void Render_Churn_PassesPromtoolCheckAndUnitTests()
    {
        if (Promtool.Path is not { } promtool)
        {
            return;
        }

        var folder = Directory.CreateTempSubdirectory("mp-rules-").FullName;
        File.WriteAllText(System.IO.Path.Combine(folder, "churn.rules.yml"), PrometheusAlertRules.Render("churn"));
        File.Copy(System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "churn.rules.test.yml"), System.IO.Path.Combine(folder, "churn.rules.test.yml"));

        var check = Promtool.Run(promtool, folder, "check", "rules", "churn.rules.yml");
        var test = Promtool.Run(promtool, folder, "test", "rules", "churn.rules.test.yml");

        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("5 rules found", check.Output);
        Assert.True(test.ExitCode == 0, test.Output);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Render_QuoteInName_StaysValidYamlScalar()
    {
        Assert.Equal("'it''s'", PrometheusAlertRules.Quote("it's"));
    }
}
