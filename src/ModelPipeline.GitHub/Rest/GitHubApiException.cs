namespace ModelPipeline.GitHub;

/// <summary>
/// A GitHub REST call that failed; the message is one line with the status, GitHub's own <c>message</c>, what to check,
/// and <c>documentation_url</c>. Reporting to GitHub must never fail a pipeline: callers catch this and log a warning.
/// </summary>
public sealed class GitHubApiException(int statusCode, string request, string? gitHubMessage, string? documentationUrl, string message)
    : Exception(message)
{
    /// <summary>HTTP status, e.g. 401.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>Method and path, e.g. <c>POST /repos/o/r/statuses/abc</c>.</summary>
    public string Request { get; } = request;

    /// <summary>GitHub's <c>message</c> field, when the body had one.</summary>
    public string? GitHubMessage { get; } = gitHubMessage;

    /// <summary>GitHub's <c>documentation_url</c>, when the body had one.</summary>
    public string? DocumentationUrl { get; } = documentationUrl;
}
