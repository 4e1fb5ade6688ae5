using Octokit;
using Octokit.Internal;

namespace ModelPipeline.GitHub;

/// <summary>
/// The few GitHub calls ModelPipeline makes, through Octokit: releases with assets, the <c>model-gate</c> commit status,
/// one PR comment per pipeline updated in place, workflow dispatch. Rate limits are honoured by waiting (primary: until
/// <c>x-ratelimit-reset</c>; secondary: <c>retry-after</c> or ≥ 60 s); other failures throw <see cref="GitHubApiException"/>
/// with GitHub's message in one line. A failure to REPORT must never fail the pipeline: callers catch
/// <see cref="GitHubApiException"/> and <see cref="HttpRequestException"/> and log a warning.
/// </summary>
public sealed partial class GitHubClient
{
    /// <summary>The commit status context this client sets.</summary>
    public const string StatusContext = "model-gate";

    /// <summary>Attempts per request before a rate limit is reported as an error.</summary>
    public const int MaxAttempts = 4;

    static readonly ProductHeaderValue Product = new("ModelPipeline", "1.0");

    readonly Octokit.GitHubClient _octokit;
    readonly TimeProvider _time;
    readonly Func<TimeSpan, CancellationToken, Task> _delay;

    /// <param name="apiUrl">
    /// GITHUB_API_URL: <c>https://api.github.com</c>, or a GitHub Enterprise host, whose API Octokit reaches under
    /// <c>/api/v3/</c> (tests point it at a loopback server that serves that prefix).
    /// </param>
    /// <param name="token">GITHUB_TOKEN or a PAT; sent as <c>Authorization: Bearer</c>, never to another host.</param>
    /// <param name="delay">How to wait out a rate limit (tests record the waits instead of sleeping).</param>
    public GitHubClient(string apiUrl, string token, TimeProvider? time = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _octokit = new Octokit.GitHubClient(Product, new InMemoryCredentialStore(new Credentials(token, AuthenticationType.Bearer)), new Uri(apiUrl));
        _time = time ?? TimeProvider.System;
        _delay = delay ?? ((wait, ct) => Task.Delay(wait, _time, ct));
    }

    /// <summary>Creates release <paramref name="tag"/> (e.g. <c>churn-v1.4.0</c>) on the default branch and uploads the assets.</summary>
    public async Task<PublishedRelease> CreateReleaseAsync(string repository, string tag, string name, string body,
        IReadOnlyList<ReleaseAsset> assets, string? targetCommitish = null, CancellationToken cancellationToken = default)
    {
        var (owner, repo) = Repo(repository);
        var release = await Call($"POST /repos/{repository}/releases", () => _octokit.Repository.Release.Create(owner, repo,
            new NewRelease(tag) { Name = name, Body = body, TargetCommitish = targetCommitish }), cancellationToken).ConfigureAwait(false);
        var urls = new List<string>();
        foreach (var asset in assets)
        {
            var uploaded = await Call($"POST /repos/{repository}/releases/{release.Id}/assets?name={asset.Name}", () =>
                _octokit.Repository.Release.UploadAsset(release, new ReleaseAssetUpload(asset.Name, asset.ContentType, new MemoryStream(asset.Content, writable: false), null),
                    cancellationToken), cancellationToken).ConfigureAwait(false);
            urls.Add(uploaded.BrowserDownloadUrl);
        }

        return new PublishedRelease(release.Id, tag, release.HtmlUrl ?? "", urls);
    }

    /// <summary>Whether release <paramref name="tag"/> exists (GET /repos/{owner}/{repo}/releases/tags/{tag}; 404 = no).</summary>
    public async Task<bool> ReleaseExistsAsync(string repository, string tag, CancellationToken cancellationToken = default)
    {
        try
        {
            await GetReleaseByTagAsync(repository, tag, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (GitHubApiException e) when (e.StatusCode == 404)
        {
            return false;
        }
    }

    /// <summary>Sets the <c>model-gate</c> status on <paramref name="sha"/>; the description (the verdict) is cut to 140 characters.</summary>
    public async Task SetCommitStatusAsync(string repository, string sha, CommitState state, string description,
        string? targetUrl = null, CancellationToken cancellationToken = default)
    {
        var (owner, repo) = Repo(repository);
        var status = new NewCommitStatus
        {
            State = state switch
            {
                CommitState.Pending => Octokit.CommitState.Pending,
                CommitState.Success => Octokit.CommitState.Success,
                CommitState.Failure => Octokit.CommitState.Failure,
                _ => Octokit.CommitState.Error,
            },
            Description = description.Length <= 140 ? description : description[..139] + "…",
            Context = StatusContext,
            TargetUrl = targetUrl,
        };
        await Call($"POST /repos/{repository}/statuses/{sha}", () => _octokit.Repository.Status.Create(owner, repo, sha, status), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the pipeline's comment on PR <paramref name="number"/>: the existing comment carrying
    /// <c>&lt;!-- modelpipeline:&lt;pipeline&gt; --&gt;</c> is updated in place, otherwise one is created.
    /// </summary>
    /// <returns>The comment id.</returns>
    public async Task<long> UpsertPullRequestCommentAsync(string repository, int number, string pipeline, string markdown,
        CancellationToken cancellationToken = default)
    {
        var (owner, repo) = Repo(repository);
        var marker = CommentMarker(pipeline);
        var body = $"{marker}\n{markdown}";
        var comments = await Call($"GET /repos/{repository}/issues/{number}/comments", () => _octokit.Issue.Comment.GetAllForIssue(owner, repo, number), cancellationToken).ConfigureAwait(false);
        if (comments.FirstOrDefault(c => c.Body?.Contains(marker, StringComparison.Ordinal) == true) is { } existing)
        {
            await Call($"PATCH /repos/{repository}/issues/comments/{existing.Id}", () => _octokit.Issue.Comment.Update(owner, repo, existing.Id, body), cancellationToken).ConfigureAwait(false);
            return existing.Id;
        }

        var created = await Call($"POST /repos/{repository}/issues/{number}/comments", () => _octokit.Issue.Comment.Create(owner, repo, number, body), cancellationToken).ConfigureAwait(false);
        return created.Id;
    }

    /// <summary>Starts workflow <paramref name="workflow"/> (file name like <c>retrain.yml</c>) on <paramref name="gitRef"/>.</summary>
    public async Task DispatchWorkflowAsync(string repository, string workflow, string gitRef,
        IReadOnlyDictionary<string, string>? inputs = null, CancellationToken cancellationToken = default)
    {
        var (owner, repo) = Repo(repository);
        var dispatch = new CreateWorkflowDispatch(gitRef);
        if (inputs is { Count: > 0 })
        {
            dispatch.Inputs = inputs.OrderBy(i => i.Key, StringComparer.Ordinal).ToDictionary(i => i.Key, object (i) => i.Value);
        }

        await Call($"POST /repos/{repository}/actions/workflows/{workflow}/dispatches",
            async () => { await _octokit.Actions.Workflows.CreateDispatch(owner, repo, workflow, dispatch).ConfigureAwait(false); return true; },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The hidden marker that identifies the pipeline's PR comment.</summary>
    public static string CommentMarker(string pipeline) => $"<!-- modelpipeline:{pipeline} -->";

    static (string Owner, string Name) Repo(string repository) =>
        repository.Split('/') is [var owner, var name] && owner.Length > 0 && name.Length > 0
            ? (owner, name)
            : throw new ArgumentException($"repository '{repository}' should read owner/name", nameof(repository));
}
