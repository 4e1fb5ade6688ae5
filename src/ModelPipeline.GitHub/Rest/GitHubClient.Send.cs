using System.Net;
using Octokit;

namespace ModelPipeline.GitHub;

public sealed partial class GitHubClient
{
    /// <summary>
    /// Runs one Octokit call, waits out rate limits (<see cref="RateLimitPolicy"/>) and turns Octokit's exceptions into
    /// one-line <see cref="GitHubApiException"/>s naming <paramref name="what"/> (method and API path).
    /// </summary>
    async Task<T> Call<T>(string what, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (ApiException e)
            {
                if (RateLimitPolicy.WaitFor(e, _time.GetUtcNow(), attempt) is { } wait && attempt < MaxAttempts)
                {
                    await _delay(wait, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw Failure(what, e);
            }
            catch (InvalidOperationException e) when (e.Message.Contains("redirect", StringComparison.OrdinalIgnoreCase))
            {
                throw new GitHubApiException(0, what, null, null, $"GitHub API {what} failed: {e.Message}");
            }
        }
    }

    static GitHubApiException Failure(string what, ApiException e)
    {
        var status = (int)e.StatusCode;
        var error = e.ApiError;
        var details = error?.Errors is { Count: > 0 } errors
            ? string.Join("; ", errors.Select(d => string.Join(" ", new[] { d.Resource, d.Field, d.Code, d.Message }.Where(v => !string.IsNullOrEmpty(v)))))
            : null;
        var hint = status switch
        {
            401 => "the token is missing, expired or wrong (on Actions pass GITHUB_TOKEN)",
            403 => "the token lacks a permission (the workflow job needs e.g. statuses: write, pull-requests: write or contents: write), or a rate limit persisted",
            404 => "the repository or resource does not exist, or the token cannot see it",
            422 => "GitHub rejected the request's content" + (details is null ? "" : $" ({details})"),
            429 => "rate limited and retries ran out",
            _ => "unexpected response",
        };
        var message = string.IsNullOrEmpty(error?.Message) ? e.StatusCode.ToString() : error.Message;
        var documentation = string.IsNullOrEmpty(error?.DocumentationUrl) ? null : error.DocumentationUrl;
        var text = $"GitHub API {what} failed with {status}: {message}: {hint}" + (documentation is null ? "" : $" (see {documentation})");
        return new GitHubApiException(status, what, error?.Message, documentation, text);
    }
}
