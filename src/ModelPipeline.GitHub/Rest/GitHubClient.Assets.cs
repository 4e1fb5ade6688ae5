using Octokit;

namespace ModelPipeline.GitHub;

public sealed partial class GitHubClient
{
    /// <summary>
    /// Release <paramref name="tag"/> (GET /repos/{owner}/{repo}/releases/tags/{tag}); a missing release throws
    /// <see cref="GitHubApiException"/> with status 404.
    /// </summary>
    public async Task<PublishedRelease> GetReleaseByTagAsync(string repository, string tag, CancellationToken cancellationToken = default)
    {
        var (owner, repo) = Repo(repository);
        var release = await Call($"GET /repos/{repository}/releases/tags/{tag}", () => _octokit.Repository.Release.Get(owner, repo, tag), cancellationToken).ConfigureAwait(false);
        return new PublishedRelease(release.Id, release.TagName ?? tag, release.HtmlUrl ?? "", [.. release.Assets.Select(a => a.BrowserDownloadUrl)]);
    }

    /// <summary>Every asset of release <paramref name="releaseId"/> (GET /repos/{owner}/{repo}/releases/{id}/assets, every page).</summary>
    public async Task<IReadOnlyList<ReleasedAsset>> ListReleaseAssetsAsync(string repository, long releaseId, CancellationToken cancellationToken = default)
    {
        var (owner, repo) = Repo(repository);
        var assets = await Call($"GET /repos/{repository}/releases/{releaseId}/assets",
            () => _octokit.Repository.Release.GetAllAssets(owner, repo, releaseId, new ApiOptions { PageSize = 100 }), cancellationToken).ConfigureAwait(false);
        return [.. assets.Select(a => new ReleasedAsset(a.Id, a.Name, a.Size))];
    }

    /// <summary>
    /// Copies asset <paramref name="assetId"/>'s bytes into <paramref name="destination"/>
    /// (GET /repos/{owner}/{repo}/releases/assets/{id} with <c>Accept: application/octet-stream</c>). GitHub answers with a
    /// 302 to its storage host; Octokit follows it and drops the token when the host changes.
    /// </summary>
    public async Task DownloadReleaseAssetAsync(string repository, long assetId, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var (owner, repo) = Repo(repository);
        var what = $"GET /repos/{repository}/releases/assets/{assetId}";
        var response = await Call(what, () => _octokit.Connection.Get<object>(new Uri($"repos/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(repo)}/releases/assets/{assetId}", UriKind.Relative),
            new Dictionary<string, string>(), "application/octet-stream", cancellationToken), cancellationToken).ConfigureAwait(false);
        if (response.HttpResponse.Body is not Stream content)
        {
            throw new GitHubApiException((int)response.HttpResponse.StatusCode, what, null, null,
                $"GitHub API {what} answered {response.HttpResponse.ContentType ?? "no content type"} instead of the asset's bytes (application/octet-stream)");
        }

        await using (content.ConfigureAwait(false))
        {
            await content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        }
    }
}
