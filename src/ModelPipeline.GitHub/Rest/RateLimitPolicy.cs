using System.Globalization;
using System.Net;
using Octokit;

namespace ModelPipeline.GitHub;

/// <summary>
/// How long to wait before retrying a rate-limited call, per GitHub's rules: primary limit = Octokit's
/// <see cref="RateLimitExceededException"/> (403/429 with <c>x-ratelimit-remaining: 0</c>; wait until its reset);
/// secondary limit = 403/429 with <c>retry-after</c> (wait that many seconds), or without it at least a minute, growing
/// with each attempt. Octokit reports the limits but does not wait; this does.
/// </summary>
internal static class RateLimitPolicy
{
    public static readonly TimeSpan SecondaryFallback = TimeSpan.FromSeconds(60);

    /// <summary>Null when the failure is not a rate limit.</summary>
    public static TimeSpan? WaitFor(ApiException failure, DateTimeOffset now, int attempt)
    {
        if (failure.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        if (Header(failure, "retry-after") is { } retryAfter && int.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        var rateLimit = failure.HttpResponse?.ApiInfo?.RateLimit;
        if (rateLimit is { Remaining: 0, ResetAsUtcEpochSeconds: > 0 })
        {
            var wait = rateLimit.Reset - now + TimeSpan.FromSeconds(1);
            return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
        }

        if (failure is SecondaryRateLimitExceededException || failure.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return SecondaryFallback * attempt;
        }

        return null;
    }

    static string? Header(ApiException failure, string name) =>
        failure.HttpResponse?.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
