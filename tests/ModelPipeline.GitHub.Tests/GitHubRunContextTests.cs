namespace ModelPipeline.GitHub.Tests;

public sealed class GitHubRunContextTests
{
    [Fact]
    public void FromEnvironment_PullRequest_NumberAndHeadSha()
    {
        var eventFile = Path.GetTempFileName();
        try
        {
            File.WriteAllText(eventFile, """{"pull_request":{"number":42,"head":{"sha":"feedface"}}}""");
            var context = GitHubRunContext.FromEnvironment(new Dictionary<string, string>
            {
                ["GITHUB_ACTIONS"] = "true",
                ["GITHUB_TOKEN"] = "t",
                ["GITHUB_REPOSITORY"] = "o/r",
                ["GITHUB_SHA"] = "merge0",
                ["GITHUB_REF"] = "refs/pull/42/merge",
                ["GITHUB_EVENT_PATH"] = eventFile,
                ["GITHUB_RUN_ID"] = "7",
            });
            Assert.NotNull(context);
            Assert.Equal(42, context.PullRequest);
            Assert.Equal("feedface", context.Sha);
            Assert.Equal("https://api.github.com", context.ApiUrl);
            Assert.Equal("https://github.com/o/r/actions/runs/7", context.RunUrl);
        }
        finally
        {
            File.Delete(eventFile);
        }
    }

    [Fact]
    public void FromEnvironment_NoToken_Null()
    {
        Assert.Null(GitHubRunContext.FromEnvironment(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_REPOSITORY"] = "o/r", ["GITHUB_SHA"] = "a" }));
    }
}
