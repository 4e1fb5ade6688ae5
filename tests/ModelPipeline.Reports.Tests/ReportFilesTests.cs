namespace ModelPipeline.Reports.Tests;

public sealed class ReportFilesTests
{
    [Fact]
    public void Write_Comparison_WritesHtmlAndMarkdownWithoutBom()
    {
        var directory = Path.Combine(Path.GetTempPath(), "mp-reports-" + Guid.NewGuid().ToString("N"), "nested");
        try
        {
            var paths = ReportFiles.Write(Some.Comparison(), directory);

            Assert.Equal(Path.Combine(directory, "comparison.html"), paths.Html);
            Assert.Equal(Path.Combine(directory, "comparison.md"), paths.Markdown);
            Assert.Equal((byte)'<', File.ReadAllBytes(paths.Html)[0]);
            Assert.Equal((byte)'#', File.ReadAllBytes(paths.Markdown)[0]);
            Assert.Equal(MarkdownReport.Render(Some.Comparison()), File.ReadAllText(paths.Markdown));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true);
        }
    }
}
