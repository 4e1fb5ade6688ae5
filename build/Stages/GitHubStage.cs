using ModelPipeline.Definitions;
using ModelPipeline.GitHub;
using ModelPipeline.GitHub.Workflows;
using ModelPipeline.Registry;
using ModelPipeline.Targets;

namespace ModelPipeline.Build;

/// <summary>Glue between the pipelines / run artifacts and the GitHub library (which knows no ML types).</summary>
internal static class GitHubStage
{
    public static IReadOnlyList<PipelineTriggers> PipelineTriggers(string root) =>
        PipelineLoader.ListPipelines(root)
            .Select(name => PipelineLoader.LoadByName(name, root))
            .Select(d => new PipelineTriggers(d.Name, d.Data.Files, d.Schedule?.Cron) { AptPackages = d.Trainer.AptPackages })
            .ToArray();

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
            var client = new GitHubClient(context.ApiUrl, context.Token);
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

    /// <summary>
    /// On GitHub Actions: the step output <c>champion-changed-&lt;pipeline&gt;</c> (<c>true</c> or <c>false</c>), which the
    /// compare job hands on as a job output so that the deploy job runs only when a champion changed.
    /// </summary>
    public static void TellChampionChanged(string pipeline, bool changed) =>
        new GitHubActionsRuntime(GitHubActionsRuntime.ProcessEnvironment(), Console.Out)
            .SetOutput(StandardStages.ChampionChanged(pipeline), changed ? "true" : "false");

    /// <summary>
    /// Releases <c>&lt;pipeline&gt;-v&lt;version&gt;</c> for the version this run registered: model.bin and the binary
    /// attachments (anomaly-forest.bin, model.onnx; read and checked through the registry, kept out of git), evaluation.json and
    /// report.html as assets, report.md as notes, on the run's commit.
    /// Releases hold the registry's model files between runs, so a failure here fails the job (before the metadata commit).
    /// </summary>
    public static void Release(string root, string pipeline, string modelsDirectory, BuildLog log)
    {
        var artifacts = new RunArtifacts(root, pipeline);
        if (artifacts.Read<DecisionRecord>(artifacts.DecisionFile) is not { } decision)
        {
            log.Information($"{pipeline}: this run registered no version (no {Path.GetRelativePath(root, artifacts.DecisionFile)}): nothing to release");
            return;
        }

        var context = GitHubRunContext.FromEnvironment(GitHubActionsRuntime.ProcessEnvironment())
            ?? throw new InputMistakeException("PublishRelease needs GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_SHA (set them in the job's env)");
        var tag = $"{pipeline}-v{decision.Version}";
        var client = new GitHubClient(context.ApiUrl, context.Token);
        if (client.ReleaseExistsAsync(context.Repository, tag).GetAwaiter().GetResult())
        {
            log.Information($"release {tag} exists already");
            return;
        }

        var registry = ModelRegistry.Open(Path.GetFullPath(modelsDirectory, root), pipeline);
        var version = registry.GetVersion(decision.Version);
        var assets = new List<ReleaseAsset> { new(version.ModelFile, "application/octet-stream", registry.ReadModel(version)) };
        foreach (var binary in version.Attachments.Keys.Where(ReleasedModelFiles.IsReleased))
        {
            assets.Add(new ReleaseAsset(binary, "application/octet-stream", registry.ReadAttachment(version, binary)));
        }

        foreach (var (file, type) in new[] { (artifacts.EvaluationFile, "application/json"), (artifacts.ReportHtml, "text/html") }.Where(f => File.Exists(f.Item1)))
        {
            assets.Add(new ReleaseAsset(Path.GetFileName(file), type, File.ReadAllBytes(file)));
        }

        var notes = File.Exists(artifacts.ReportMarkdown) ? File.ReadAllText(artifacts.ReportMarkdown) : decision.Verdict;
        var release = client.CreateReleaseAsync(context.Repository, tag, $"{pipeline} {decision.Version}", notes, assets, context.Sha).GetAwaiter().GetResult();
        log.Success($"released {tag} with {string.Join(", ", assets.Select(a => a.Name))}{(release.HtmlUrl.Length > 0 ? ": " + release.HtmlUrl : "")}");
    }

    /// <summary>
    /// On GitHub Actions: starts the retrain workflow for <paramref name="pipeline"/> with trigger <c>drift</c>
    /// (POST .../actions/workflows/{file}/dispatches) on the run's branch, instead of retraining in this job.
    /// </summary>
    public static void DispatchRetrain(string pipeline, BuildLog log)
    {
        var context = GitHubRunContext.FromEnvironment(GitHubActionsRuntime.ProcessEnvironment())
            ?? throw new InputMistakeException("dispatching the retrain workflow needs GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_SHA (give the job actions: write)");
        var workflow = DeclaredWorkflows.Retrain;
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (workflow.PipelineInput is { } pipelineInput)
        {
            inputs[DeclaredWorkflows.InputName(pipelineInput)] = pipeline;
        }

        if (workflow.TriggerInput is { } triggerInput)
        {
            inputs[DeclaredWorkflows.InputName(triggerInput)] = "drift";
        }

        var gitRef = context.RefName ?? workflow.DefaultBranch;
        var client = new GitHubClient(context.ApiUrl, context.Token);
        client.DispatchWorkflowAsync(context.Repository, $"{workflow.Name}.yml", gitRef, inputs).GetAwaiter().GetResult();
        log.Success($"dispatched .github/workflows/{workflow.Name}.yml on {gitRef} with {string.Join(", ", inputs.Select(i => $"{i.Key}={i.Value}"))}");
    }
}
