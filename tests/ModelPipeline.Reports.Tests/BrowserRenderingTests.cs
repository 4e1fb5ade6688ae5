using System.Buffers.Binary;
using System.Text.RegularExpressions;

namespace ModelPipeline.Reports.Tests;

/// <summary>
/// Opens the reports in a real browser (headless Debian chromium): the page renders every chart, logs no
/// console errors, tries to load nothing, and produces a full screenshot. Fails when chromium is missing.
/// </summary>
public sealed class BrowserRenderingTests
{
    private static readonly string Output = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "rendered")).FullName;

    [Fact]
    public void Screenshot_ChurnComparison_RendersWithoutConsoleErrors()
    {
        var html = Write("churn-comparison.html", HtmlReport.Render(Fixtures.Churn()));

        var png = Screenshot(html, "churn-comparison.png");

        AssertPng(png, 1200, 2400);
    }

    [Fact]
    public void Screenshot_FlightsDrift_RendersWithoutConsoleErrors()
    {
        var html = Write("flights-drift.html", HtmlReport.Render(Fixtures.Flights()));

        var png = Screenshot(html, "flights-drift.png");

        AssertPng(png, 1200, 2400);
    }

    [Fact]
    public void DumpDom_ChurnComparison_BrowserBuildsEverySvg()
    {
        var html = Write("churn-dom.html", HtmlReport.Render(Fixtures.Churn()));
        RequireChromium();

        var (exitCode, dom, errors) = Chromium.Run(html, Output, "--dump-dom");

        Assert.Equal(0, exitCode);
        AssertNoConsoleErrors(errors);
        Assert.Equal(4, Regex.Count(dom, "<svg\\b"));
        Assert.Contains("ROC curve", dom);
        Assert.DoesNotContain("<parsererror", dom);
    }

    [Fact]
    public void ConsoleCheck_PageWithScriptError_IsCaught()
    {
        // Proves the console check above is not vacuous with this chromium's log format.
        var html = Write("broken.html", "<!DOCTYPE html><html><body><script>console.error('boom'); undefinedFunction();</script></body></html>");
        RequireChromium();

        var (_, _, errors) = Chromium.Run(html, Output, "--dump-dom");

        Assert.Contains(ConsoleProblems(errors), line => line.Contains("undefinedFunction", StringComparison.Ordinal));
        Assert.Contains(ConsoleProblems(errors), line => line.Contains("boom", StringComparison.Ordinal));
    }

    private static string Write(string name, string html)
    {
        var path = Path.Combine(Output, name);
        File.WriteAllText(path, html);
        return path;
    }

    private static string Screenshot(string html, string name)
    {
        RequireChromium();
        var png = Path.Combine(Output, name);
        File.Delete(png);

        var (exitCode, _, errors) = Chromium.Run(html, Output, $"--screenshot={png}", "--window-size=1200,2400", "--hide-scrollbars");

        Assert.True(exitCode == 0, $"chromium exited with {exitCode}: {errors}");
        AssertNoConsoleErrors(errors);
        return png;
    }

    private static void RequireChromium() =>
        Assert.True(Chromium.IsInstalled,
            $"These tests open the reports in a real browser: install chromium ({Chromium.Path}) with `apt-get install -y chromium`"
            + (Environment.GetEnvironmentVariable("CI") == "true" ? " (CI=true: the test script must install it)." : "."));

    private static void AssertNoConsoleErrors(string chromiumLog)
    {
        var problems = ConsoleProblems(chromiumLog);
        Assert.True(problems.Count == 0, "The browser logged:\n" + string.Join('\n', problems));
    }

    private static List<string> ConsoleProblems(string chromiumLog) =>
        chromiumLog.Split('\n')
            .Where(line => line.Contains(":CONSOLE", StringComparison.Ordinal) // "INFO:CONSOLE:1]" or "CONSOLE(12)" depending on the build
                || line.Contains("Uncaught", StringComparison.Ordinal)
                || line.Contains("Failed to load resource", StringComparison.Ordinal)
                || line.Contains("net::ERR_", StringComparison.Ordinal))
            .ToList();

    private static void AssertPng(string path, int width, int height)
    {
        Assert.True(File.Exists(path), $"no screenshot at {path}");
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 40_000, $"the screenshot is only {bytes.Length} bytes: the page is probably blank");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }
}
