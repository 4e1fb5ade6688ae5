using ModelPipeline.Definitions;
using ModelPipeline.GitHub;
using ModelPipeline.GitHub.Workflows;
using ModelPipeline.Targets;

namespace ModelPipeline.Build;

/// <summary>Glue between the pipelines / run artifacts and the GitHub library (which knows no ML types).</summary>
internal static class GitHubStage
{
    public static IReadOnlyList<PipelineTriggers> PipelineTriggers(string root) =>
        PipelineLoader.ListPipelines(root)
            .Select(name => PipelineLoader.LoadByName(name, root))
            .Select(d => new PipelineTriggers(d.Name, d.Data.Files, d.Schedule?.Cron))
            .ToArray();

    /// <summary>
    /// One <c>::error file=pipelines/x.yaml,line=..,col=..::</c> annotation per YAML error on GitHub Actions (a plain
    /// <c>error: file:line:col: message</c> line elsewhere); call it where a PipelineDefinitionException is caught.
    /// </summary>
    public static void AnnotateDefinitionErrors(PipelineDefinitionException exception, TextWriter output)
    {
        var runtime = new GitHubActionsRuntime(GitHubActionsRuntime.ProcessEnvironment(), output);
        foreach (var error in exception.Errors)
        {
            runtime.Error(error.File, error.Line > 0 ? error.Line : null, error.Column > 0 ? error.Column : null, error.Message);
        }
    }

    /// <summary>Step summary, outputs, and (with GITHUB_TOKEN) the PR comment / commit status. Reporting never fails the build.</summary>
    public static void Report(string root, string pipeline, BuildLog log)
    {
        var environment = GitHubActionsRuntime.ProcessEnvironment();
        var runtime = new GitHubActionsRuntime(environment, Console.Out);
        var artifacts = new RunArtifacts(root, pipeline);
        var decision = artifacts.Read<DecisionRecord>(artifacts.DecisionFile);
        var push = artifacts.Read<PushRecord>(artifacts.PushRecord);
        var markdown = File.Exists(artifacts.ReportMarkdown) ? File.ReadAllText(artifacts.ReportMarkdown) : null;
        if (markdown is not null)
        {
            runtime.AppendSummary(markdown);
        }

        if (decision is not null)
        {
            runtime.SetOutput("version", decision.Version);
            runtime.SetOutput("promoted", decision.Promoted ? "true" : "false");
            runtime.SetOutput("verdict", decision.Verdict);
        }

        if (push is not null)
        {
            runtime.SetOutput("image-digest", push.Digest);
        }

        if (decision is null || GitHubRunContext.FromEnvironment(environment) is not { } context)
        {
            return;
        }

        try
        {
            using var client = new GitHubClient(context.ApiUrl, context.Token);
            var state = decision.Promoted ? CommitState.Success : CommitState.Failure;
            client.SetCommitStatusAsync(context.Repository, context.Sha, state, decision.Verdict, context.RunUrl).GetAwaiter().GetResult();
            if (context.PullRequest is { } number && markdown is not null)
            {
                client.UpsertPullRequestCommentAsync(context.Repository, number, pipeline, markdown).GetAwaiter().GetResult();
            }
        }
        catch (Exception e) when (e is GitHubApiException or HttpRequestException or TaskCanceledException)
        {
            log.Warning($"could not report to GitHub (the pipeline result stands): {e.Message}");
        }
    }
}
