using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelPipeline.GitHub;

/// <summary>
/// The few GitHub REST calls ModelPipeline makes (no Octokit): releases with assets, the <c>model-gate</c> commit
/// status, one PR comment per pipeline updated in place, workflow dispatch. Rate limits are honoured by waiting
/// (primary: until <c>x-ratelimit-reset</c>; secondary: <c>retry-after</c> or ≥ 60 s); other failures throw
/// <see cref="GitHubApiException"/> with GitHub's message. A failure to REPORT must never fail the pipeline:
/// callers catch <see cref="GitHubApiException"/> and <see cref="HttpRequestException"/> and log a warning.
/// </summary>
public sealed partial class GitHubClient : IDisposable
{
    /// <summary>The commit status context this client sets.</summary>
    public const string StatusContext = "model-gate";

    /// <summary>Attempts per request before a rate limit is reported as an error.</summary>
    public const int MaxAttempts = 4;

    readonly HttpClient _http;
    readonly bool _ownsHttp;
    readonly string _token;
    readonly TimeProvider _time;
    readonly Func<TimeSpan, CancellationToken, Task> _delay;

    /// <param name="apiUrl">e.g. <c>https://api.github.com</c> (GITHUB_API_URL on Actions).</param>
    /// <param name="token">GITHUB_TOKEN or a PAT; sent as <c>Authorization: Bearer</c>.</param>
    public GitHubClient(string apiUrl, string token, TimeProvider? time = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
        : this(new HttpClient { BaseAddress = new Uri(apiUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(100) }, token, time, delay)
    {
        _ownsHttp = true;
    }

    /// <param name="http">Its <see cref="HttpClient.BaseAddress"/> is the API root; tests point it at a loopback server.</param>
    /// <param name="delay">How to wait out a rate limit (tests record the waits instead of sleeping).</param>
    public GitHubClient(HttpClient http, string token, TimeProvider? time = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _http = http;
        _token = token;
        _time = time ?? TimeProvider.System;
        _delay = delay ?? ((wait, ct) => Task.Delay(wait, _time, ct));
    }

    /// <summary>Creates release <paramref name="tag"/> (e.g. <c>churn-v1.4.0</c>) on the default branch and uploads the assets.</summary>
    public async Task<PublishedRelease> CreateReleaseAsync(string repository, string tag, string name, string body,
        IReadOnlyList<ReleaseAsset> assets, string? targetCommitish = null, CancellationToken cancellationToken = default)
    {
        var request = new JsonObject { ["tag_name"] = tag, ["name"] = name, ["body"] = body };
        if (targetCommitish is not null)
        {
            request["target_commitish"] = targetCommitish;
        }

        var release = await SendJsonAsync(HttpMethod.Post, $"repos/{Repo(repository)}/releases", request, cancellationToken).ConfigureAwait(false);
        var uploadUrl = release!["upload_url"]!.GetValue<string>();
        var template = uploadUrl.IndexOf('{', StringComparison.Ordinal) is var brace and >= 0 ? uploadUrl[..brace] : uploadUrl;
        var urls = new List<string>();
        foreach (var asset in assets)
        {
            var target = $"{template}?name={Uri.EscapeDataString(asset.Name)}";
            var uploaded = await SendAsync(() =>
            {
                var message = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(asset.Content) };
                message.Content.Headers.ContentType = new MediaTypeHeaderValue(asset.ContentType);
                return message;
            }, cancellationToken).ConfigureAwait(false);
            urls.Add(uploaded?["browser_download_url"]?.GetValue<string>() ?? target);
        }

        return new PublishedRelease(release["id"]!.GetValue<long>(), tag, release["html_url"]?.GetValue<string>() ?? "", urls);
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
        var body = new JsonObject
        {
            ["state"] = state.ToString().ToLowerInvariant(),
            ["description"] = description.Length <= 140 ? description : description[..139] + "…",
            ["context"] = StatusContext,
        };
        if (targetUrl is not null)
        {
            body["target_url"] = targetUrl;
        }

        await SendJsonAsync(HttpMethod.Post, $"repos/{Repo(repository)}/statuses/{Uri.EscapeDataString(sha)}", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the pipeline's comment on PR <paramref name="number"/>: the existing comment carrying
    /// <c>&lt;!-- modelpipeline:&lt;pipeline&gt; --&gt;</c> is updated in place, otherwise one is created.
    /// </summary>
    /// <returns>The comment id.</returns>
    public async Task<long> UpsertPullRequestCommentAsync(string repository, int number, string pipeline, string markdown,
        CancellationToken cancellationToken = default)
    {
        var marker = CommentMarker(pipeline);
        var body = new JsonObject { ["body"] = $"{marker}\n{markdown}" };
        for (var page = 1; page <= 20; page++)
        {
            var comments = await SendJsonAsync(HttpMethod.Get, $"repos/{Repo(repository)}/issues/{number}/comments?per_page=100&page={page}", null, cancellationToken).ConfigureAwait(false);
            var list = comments as JsonArray ?? [];
            foreach (var comment in list)
            {
                if (comment?["body"]?.GetValue<string>() is { } text && text.Contains(marker, StringComparison.Ordinal))
                {
                    var id = comment["id"]!.GetValue<long>();
                    await SendJsonAsync(HttpMethod.Patch, $"repos/{Repo(repository)}/issues/comments/{id}", body, cancellationToken).ConfigureAwait(false);
                    return id;
                }
            }

            if (list.Count < 100)
            {
                break;
            }
        }

        var created = await SendJsonAsync(HttpMethod.Post, $"repos/{Repo(repository)}/issues/{number}/comments", body, cancellationToken).ConfigureAwait(false);
        return created!["id"]!.GetValue<long>();
    }

    /// <summary>Starts workflow <paramref name="workflow"/> (file name like <c>retrain.yml</c> or id) on <paramref name="gitRef"/>.</summary>
    public async Task DispatchWorkflowAsync(string repository, string workflow, string gitRef,
        IReadOnlyDictionary<string, string>? inputs = null, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["ref"] = gitRef };
        if (inputs is { Count: > 0 })
        {
            var map = new JsonObject();
            foreach (var (key, value) in inputs.OrderBy(i => i.Key, StringComparer.Ordinal))
            {
                map[key] = value;
            }

            body["inputs"] = map;
        }

        await SendJsonAsync(HttpMethod.Post, $"repos/{Repo(repository)}/actions/workflows/{Uri.EscapeDataString(workflow)}/dispatches", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The hidden marker that identifies the pipeline's PR comment.</summary>
    public static string CommentMarker(string pipeline) => $"<!-- modelpipeline:{pipeline} -->";

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    Task<JsonNode?> SendJsonAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        }, cancellationToken);

    static string Repo(string repository) =>
        repository.Split('/') is [var owner, var name] && owner.Length > 0 && name.Length > 0
            ? $"{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(name)}"
            : throw new ArgumentException($"repository '{repository}' should read owner/name", nameof(repository));
}
