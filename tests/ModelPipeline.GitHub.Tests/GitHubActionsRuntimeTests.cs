namespace ModelPipeline.GitHub.Tests;

public sealed class GitHubActionsRuntimeTests : IDisposable
{
    readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("mp-gha-rt-");
    readonly StringWriter _console = new();

    public void Dispose() => _dir.Delete(recursive: true);

    GitHubActionsRuntime Runtime(bool active = true) => new(new Dictionary<string, string>
    {
        ["GITHUB_ACTIONS"] = active ? "true" : "",
        ["GITHUB_OUTPUT"] = Path.Combine(_dir.FullName, "output"),
        ["GITHUB_STEP_SUMMARY"] = Path.Combine(_dir.FullName, "summary"),
    }, _console);

    [Fact]
    public void SetOutput_MultilineValue_RandomDelimiterBlock()
    {
        Runtime().SetOutput("verdict", "promoted\nauc +0.01");
        var lines = File.ReadAllText(Path.Combine(_dir.FullName, "output")).Split('\n');
        Assert.StartsWith("verdict<<ghadelimiter_", lines[0], StringComparison.Ordinal);
        var delimiter = lines[0]["verdict<<".Length..];
        Assert.Equal(["promoted", "auc +0.01", delimiter, ""], lines[1..]);
    }

    [Fact]
    public void Error_PropertiesAndMessage_EscapedAsGitHub()
    {
        Runtime().Error("pipelines/a,b:c.yaml", 3, 7, "bad 100%\nvalue");
        Assert.Equal("::error file=pipelines/a%2Cb%3Ac.yaml,line=3,col=7::bad 100%25%0Avalue" + Environment.NewLine, _console.ToString());
    }

    [Fact]
    public void Error_NotOnActions_PlainLine()
    {
        Runtime(active: false).Error("pipelines/x.yaml", 3, 7, "bad");
        Assert.Equal("error: pipelines/x.yaml:3:7: bad" + Environment.NewLine, _console.ToString());
        Runtime(active: false).SetOutput("version", "1.0.0");
        Assert.False(File.Exists(Path.Combine(_dir.FullName, "output")));
    }

    [Fact]
    public void AppendSummary_Markdown_AppendedToStepSummary()
    {
        var runtime = Runtime();
        runtime.AppendSummary("# churn 1.2.0");
        runtime.AppendSummary("promoted\n");
        Assert.Equal("# churn 1.2.0\npromoted\n", File.ReadAllText(Path.Combine(_dir.FullName, "summary")));
    }

    [Fact]
    public void Mask_MultilineSecret_EachLineMasked()
    {
        Runtime().Mask("abc\ndef");
        Assert.Equal($"::add-mask::abc{Environment.NewLine}::add-mask::def{Environment.NewLine}", _console.ToString());
    }
}
