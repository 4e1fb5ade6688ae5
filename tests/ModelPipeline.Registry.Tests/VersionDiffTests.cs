namespace ModelPipeline.Registry.Tests;

public sealed class VersionDiffTests : IDisposable
{
    private readonly TempRegistry _temp = new();

    public void Dispose() => _temp.Dispose();

    private ModelRegistry TwoVersions()
    {
        var registry = _temp.Open();
        registry.Register(Some.Draft(auc: 0.80));
        registry.Register(Some.Draft(data: "data-2", auc: 0.8250) with
        {
            Parameters = new Dictionary<string, string> { ["l2"] = "0.5", ["max_iter"] = "100", ["solver"] = "lbfgs" },
        });
        registry.Promote("1.0.0", "ci", "first");
        return registry;
    }

    [Fact]
    public void Diff_TwoVersions_ListsChangedParametersAllMetricsAndLineage()
    {
        var diff = TwoVersions().Diff("champion", "1.1.0");

        Assert.Equal([new ParameterChange("l2", "1.0", "0.5"), new ParameterChange("solver", null, "lbfgs")], diff.Parameters);
        Assert.Equal(["accuracy", "auc"], diff.Metrics.Select(m => m.Name));
        Assert.Equal(0.025, diff.Metrics.Single(m => m.Name == "auc").Delta!.Value, 12);
        Assert.Equal(0.0, diff.Metrics.Single(m => m.Name == "accuracy").Delta);
        Assert.Equal(["data_hash", "data_file churn.csv"], diff.Lineage.Select(l => l.Field));
    }

    [Fact]
    public void ToText_TwoVersions_AlignedPlainTables()
    {
        var text = TwoVersions().Diff("1.0.0", "1.1.0").ToText();

        Assert.Equal(
            """
            churn: 1.0.0 -> 1.1.0

            metric    1.0.0   1.1.0   delta
            --------  ------  ------  -------
            accuracy  0.7500  0.7500  +0.0000
            auc       0.8000  0.8250  +0.0250

            parameter  1.0.0  1.1.0
            ---------  -----  -----
            l2         1.0    0.5
            solver     -      lbfgs

            lineage              1.0.0   1.1.0
            -------------------  ------  ------
            data_hash            data-1  data-2
            data_file churn.csv  data-1  data-2

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void ToMarkdown_TwoVersions_GitHubTables()
    {
        var markdown = TwoVersions().Diff("1.0.0", "1.1.0").ToMarkdown();

        Assert.StartsWith("### churn: 1.0.0 → 1.1.0\n\n| metric | 1.0.0 | 1.1.0 | Δ |\n|---|---:|---:|---:|\n| accuracy | 0.7500 | 0.7500 | +0.0000 |\n| auc | 0.8000 | 0.8250 | +0.0250 |\n", markdown);
        Assert.Contains("| l2 | `1.0` | `0.5` |", markdown);
        Assert.Contains("| solver | — | `lbfgs` |", markdown);
        Assert.Contains("| data_hash | `data-1` | `data-2` |", markdown);
    }

    [Fact]
    public void ListTable_Versions_NewestFirstWithAliasesMetricsTrigger()
    {
        var registry = TwoVersions();
        registry.SetAlias("staging", "1.1.0", "ci", "x");

        Assert.Equal(
            """
            version  created           aliases   accuracy  auc     trigger
            -------  ----------------  --------  --------  ------  -------
            1.1.0    2026-03-01 12:00  staging   0.7500    0.8250  ci
            1.0.0    2026-03-01 12:00  champion  0.7500    0.8000  ci

            """.ReplaceLineEndings("\n"),
            registry.ListTable());
        Assert.StartsWith("version  created           aliases   auc", registry.ListTable(["auc"]));
    }

    [Fact]
    public void ListTable_Empty_SaysSo() =>
        Assert.Equal("churn: no versions registered yet\n", _temp.Open().ListTable());
}
