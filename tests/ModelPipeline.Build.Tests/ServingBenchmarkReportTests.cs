namespace ModelPipeline.Build.Tests;

/// <summary>The serving benchmark's parts that need no engine: reading wrk's report and splicing the section into docs/benchmarks.md.</summary>
public sealed class ServingBenchmarkReportTests
{
    // Printed by Debian's wrk 4.1.0 (`wrk -t2 -c50 -d5s --latency -s post.lua`) against the Flask server on this machine.
    private const string WrkReport = """
        Running 5s test @ http://127.0.0.1:18099/invocations
          2 threads and 50 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency   714.56ms  273.98ms   1.19s    65.06%
            Req/Sec    44.82     35.38   163.00     67.74%
          Latency Distribution
             50%  791.44ms
             75%  911.64ms
             90%    1.08s
             99%    1.18s
          332 requests in 5.10s, 73.42KB read
          Socket errors: connect 0, read 3, write 0, timeout 2
          Non-2xx or 3xx responses: 7
        Requests/sec:     65.10
        Transfer/sec:     14.40KB
        """;

    [Fact]
    public void Parse_WrkLatencyReport_ReadsRateAndPercentilesInMilliseconds()
    {
        var result = WrkLoad.Parse(WrkReport);

        Assert.Equal(65.10, result.RequestsPerSecond);
        Assert.Equal(791.44, result.P50Milliseconds, 6);
        Assert.Equal(1180, result.P99Milliseconds, 6);
        Assert.Equal(332, result.Requests);
        Assert.Equal(7, result.BadResponses);
        Assert.Equal(5, result.SocketErrors);
    }

    [Fact]
    public void Parse_MicrosecondPercentiles_ConvertsToMilliseconds()
    {
        var result = WrkLoad.Parse(WrkReport.Replace("791.44ms", "812.00us", StringComparison.Ordinal));

        Assert.Equal(0.812, result.P50Milliseconds, 6);
    }

    [Fact]
    public void Parse_WithoutLatencyFlag_SaysSo()
    {
        var report = string.Join('\n', WrkReport.Split('\n').Where(l => !l.Contains('%', StringComparison.Ordinal) || l.Contains("Stdev", StringComparison.Ordinal)));

        var error = Assert.Throws<InvalidOperationException>(() => WrkLoad.Parse(report));

        Assert.Contains("--latency", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Splice_DocumentWithTrainingTables_ReplacesOnlyTheServingSection()
    {
        const string document = "# Benchmarks\n\n## Quality\n\n| a |\n\n## Serving: old\n\nold figures\n\n## Goals\n\n| g |\n";

        var spliced = ServingBenchmarkReport.Splice(document, "## Serving: new\n\nnew figures\n");

        Assert.Equal("# Benchmarks\n\n## Quality\n\n| a |\n\n## Serving: new\n\nnew figures\n" + Environment.NewLine + "## Goals\n\n| g |\n", spliced);
        Assert.Equal("## Serving: new\n\nnew figures\n" + Environment.NewLine, ServingBenchmarkReport.Find(spliced));
    }

    [Fact]
    public void Splice_TrainingOnlyRun_KeepsThePreviousServingSection()
    {
        const string before = "# Benchmarks\n\n## Quality\n\nold\n\n## Serving: figures\n\nkept\n";
        const string rewritten = "# Benchmarks\n\n## Quality\n\nnew\n";

        var spliced = ServingBenchmarkReport.Splice(rewritten, ServingBenchmarkReport.Find(before));

        Assert.Equal("# Benchmarks\n\n## Quality\n\nnew" + Environment.NewLine + Environment.NewLine + "## Serving: figures\n\nkept\n", spliced);
    }

    [Fact]
    public void Section_Figures_TableHasEveryServerAndGoalsJudgeOurs()
    {
        var fast = new WrkResult(31_000, 0.9, 4.2, 310_000, 0, 0);
        var slow = new WrkResult(70, 600, 1600, 700, 0, 50);
        var figures = new ServingFigures(
        [
            new ServingRow("ours", "container", 32.1, 5.8, 0.42, fast, fast with { RequestsPerSecond = 300 }, 1000),
            new ServingRow("flask", "host", null, null, null, slow, slow, 1000),
        ], "1.00 2.00 3.00", "4.00 5.00 6.00", 0, true, DateTimeOffset.UnixEpoch);

        var section = ServingBenchmarkReport.Section(figures);

        Assert.StartsWith(ServingBenchmarkReport.Heading, section, StringComparison.Ordinal);
        Assert.Contains("load average 1.00 2.00 3.00 before, 4.00 5.00 6.00 after", section, StringComparison.Ordinal);
        Assert.Contains("| ours | container | 32.1 | 5.8 | 0.42 | 31,000 | 0.90 | 4.20 | 300 | 300,000 | 4.20 |", section, StringComparison.Ordinal);
        Assert.Contains("| flask | host | — | — | — | 70 (0 non-2xx, 50 socket errors) |", section, StringComparison.Ordinal);
        Assert.Contains("| single-row ≥ 30,000 req/s | 31,000 req/s | yes |", section, StringComparison.Ordinal);
        Assert.Contains("| container start → first /ping ≤ 0.5 s | 0.42 s | yes |", section, StringComparison.Ordinal);
    }
}
