using System.Globalization;
using System.Net;

namespace ModelPipeline.GitHub;

/// <summary>
/// How long to wait before retrying a rate-limited response, per GitHub's rules: primary limit = 403/429 with
/// <c>x-ratelimit-remaining: 0</c> (wait until <c>x-ratelimit-reset</c>, epoch seconds); secondary limit = 403/429 with
/// <c>retry-after</c> (wait that many seconds), or without it at least a minute, growing with each attempt.
/// </summary>
internal static class RateLimitPolicy
{
    public static readonly TimeSpan SecondaryFallback = TimeSpan.FromSeconds(60);

    /// <summary>Null when the response is not a rate limit (or succeeded).</summary>
    public static TimeSpan? WaitFor(HttpResponseMessage response, string body, DateTimeOffset now, int attempt)
    {
        var status = response.StatusCode;
        if (status is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        if (Header(response, "retry-after") is { } retryAfter && int.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (Header(response, "x-ratelimit-remaining") == "0"
            && Header(response, "x-ratelimit-reset") is { } reset
            && long.TryParse(reset, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(epoch) - now + TimeSpan.FromSeconds(1);
            return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
        }

        if (status == HttpStatusCode.TooManyRequests || body.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase))
        {
            return SecondaryFallback * attempt;
        }

        return null;
    }

    static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
