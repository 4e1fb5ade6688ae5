using System.Text.RegularExpressions;

namespace ModelPipeline.GitHub;

/// <summary>Where a workflow run reports to: repository, commit, pull request, token (from the Actions environment).</summary>
/// <param name="Repository"><c>owner/name</c>.</param>
/// <param name="PullRequest">The PR number when the run is for <c>refs/pull/N/merge</c>.</param>
public sealed partial record GitHubRunContext(string ApiUrl, string Repository, string Sha, int? PullRequest, string Token, string? RunUrl)
{
    /// <summary>The branch or tag the run is on (GITHUB_REF_NAME; a pull request's head branch); null when unknown.</summary>
    public string? RefName { get; init; }

    /// <summary>Null unless GITHUB_ACTIONS=true and GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_SHA are set.</summary>
    public static GitHubRunContext? FromEnvironment(IReadOnlyDictionary<string, string> env)
    {
        string? Get(string key) => env.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        if (Get("GITHUB_ACTIONS") != "true" || Get("GITHUB_TOKEN") is not { } token
            || Get("GITHUB_REPOSITORY") is not { } repository || Get("GITHUB_SHA") is not { } sha)
        {
            return null;
        }

        int? pr = Get("GITHUB_REF") is { } gitRef && PullRef().Match(gitRef) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        if (pr is not null && Get("GITHUB_EVENT_PATH") is { } eventPath && HeadSha(eventPath) is { } head)
        {
            sha = head; // the PR's head commit, not the temporary merge commit, carries the model-gate status
        }

        var server = Get("GITHUB_SERVER_URL") ?? "https://github.com";
        var runUrl = Get("GITHUB_RUN_ID") is { } runId ? $"{server}/{repository}/actions/runs/{runId}" : null;
        return new GitHubRunContext(Get("GITHUB_API_URL") ?? "https://api.github.com", repository, sha, pr, token, runUrl)
        {
            RefName = pr is null ? Get("GITHUB_REF_NAME") : Get("GITHUB_HEAD_REF"),
        };
    }

    static string? HeadSha(string eventPath)
    {
        try
        {
            return File.Exists(eventPath)
                ? System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(eventPath))?["pull_request"]?["head"]?["sha"]?.GetValue<string>()
                : null;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^refs/pull/(\d+)/(merge|head)$")]
    private static partial Regex PullRef();
}
