using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelPipeline.GitHub;

public sealed partial class GitHubClient
{
    static readonly ProductInfoHeaderValue UserAgent = new("ModelPipeline", "1.0");

    const string JsonMediaType = "application/vnd.github+json";

    async Task<JsonNode?> SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(build, JsonMediaType, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(response.RequestMessage!, response.StatusCode, text);
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>
    /// Sends with GitHub's headers, waits out rate limits, turns failures into <see cref="GitHubApiException"/>; returns a
    /// success or (when the handler does not follow redirects itself) a redirect, its body not yet read.
    /// </summary>
    async Task<HttpResponseMessage> SendCheckedAsync(Func<HttpRequestMessage> build, string accept, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = build();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
            request.Headers.UserAgent.Add(UserAgent);
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode || IsRedirect(response))
            {
                return response;
            }

            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (RateLimitPolicy.WaitFor(response, text, _time.GetUtcNow(), attempt) is { } wait && attempt < MaxAttempts)
                {
                    await _delay(wait, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw Failure(request, response.StatusCode, text);
            }
        }
    }

    static bool IsRedirect(HttpResponseMessage response) =>
        (int)response.StatusCode is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is not null;

    static GitHubApiException Failure(HttpRequestMessage request, HttpStatusCode status, string body)
    {
        string? message = null, documentation = null, details = null;
        try
        {
            if (JsonNode.Parse(body) is JsonObject json)
            {
                message = json["message"]?.GetValue<string>();
                documentation = json["documentation_url"]?.GetValue<string>();
                if (json["errors"] is JsonArray errors && errors.Count > 0)
                {
                    details = string.Join("; ", errors.Select(e => e is JsonObject o
                        ? string.Join(" ", new[] { o["resource"], o["field"], o["code"], o["message"] }.Where(v => v is not null).Select(v => v!.ToString()))
                        : e?.ToString()));
                }
            }
        }
        catch (JsonException)
        {
        }

        var what = $"{request.Method} {request.RequestUri?.AbsolutePath ?? "?"}";
        var hint = (int)status switch
        {
            401 => "the token is missing, expired or wrong (on Actions pass GITHUB_TOKEN)",
            403 => "the token lacks a permission (the workflow job needs e.g. statuses: write, pull-requests: write or contents: write), or a rate limit persisted",
            404 => "the repository or resource does not exist, or the token cannot see it",
            422 => "GitHub rejected the request's content" + (details is null ? "" : $" ({details})"),
            429 => "rate limited and retries ran out",
            _ => "unexpected response",
        };
        var text = $"GitHub API {what} failed with {(int)status}: {message ?? status.ToString()}: {hint}" +
                   (documentation is null ? "" : $" (see {documentation})");
        return new GitHubApiException((int)status, what, message, documentation, text);
    }
}
