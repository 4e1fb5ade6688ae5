using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace ModelPipeline.GitHub;

public sealed partial class GitHubClient
{
    /// <summary>Redirects followed when downloading an asset (GitHub sends one, to its storage host).</summary>
    public const int MaxRedirects = 5;

    const string OctetStream = "application/octet-stream";

    /// <summary>
    /// Release <paramref name="tag"/> (GET /repos/{owner}/{repo}/releases/tags/{tag}); a missing release throws
    /// <see cref="GitHubApiException"/> with status 404.
    /// </summary>
    public async Task<PublishedRelease> GetReleaseByTagAsync(string repository, string tag, CancellationToken cancellationToken = default)
    {
        var release = await SendJsonAsync(HttpMethod.Get, $"repos/{Repo(repository)}/releases/tags/{Uri.EscapeDataString(tag)}", null, cancellationToken).ConfigureAwait(false);
        var urls = (release?["assets"] as JsonArray ?? []).Select(a => a?["browser_download_url"]?.GetValue<string>()).OfType<string>().ToArray();
        return new PublishedRelease(release!["id"]!.GetValue<long>(), release["tag_name"]?.GetValue<string>() ?? tag, release["html_url"]?.GetValue<string>() ?? "", urls);
    }

    /// <summary>Every asset of release <paramref name="releaseId"/> (GET /repos/{owner}/{repo}/releases/{id}/assets, 100 a page).</summary>
    public async Task<IReadOnlyList<ReleasedAsset>> ListReleaseAssetsAsync(string repository, long releaseId, CancellationToken cancellationToken = default)
    {
        var assets = new List<ReleasedAsset>();
        for (var page = 1; page <= 100; page++)
        {
            var list = await SendJsonAsync(HttpMethod.Get, $"repos/{Repo(repository)}/releases/{releaseId}/assets?per_page=100&page={page}", null, cancellationToken).ConfigureAwait(false) as JsonArray ?? [];
            assets.AddRange(list.OfType<JsonObject>().Select(a => new ReleasedAsset(a["id"]!.GetValue<long>(), a["name"]!.GetValue<string>(), a["size"]?.GetValue<long>() ?? 0)));
            if (list.Count < 100)
            {
                break;
            }
        }

        return assets;
    }

    /// <summary>
    /// Copies asset <paramref name="assetId"/>'s bytes into <paramref name="destination"/>
    /// (GET /repos/{owner}/{repo}/releases/assets/{id} with <c>Accept: application/octet-stream</c>). GitHub answers with a
    /// 302 to its storage host; the redirect is followed without the token, which goes only to the API's own host.
    /// </summary>
    public async Task DownloadReleaseAssetAsync(string repository, long assetId, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var path = $"repos/{Repo(repository)}/releases/assets/{assetId}";
        var response = await SendCheckedAsync(() => new HttpRequestMessage(HttpMethod.Get, path), OctetStream, cancellationToken).ConfigureAwait(false);
        var api = response.RequestMessage!.RequestUri!;
        for (var hops = 0; IsRedirect(response); hops++)
        {
            var from = response.RequestMessage!.RequestUri!;
            var target = new Uri(from, response.Headers.Location!);
            response.Dispose();
            if (hops == MaxRedirects)
            {
                throw new GitHubApiException(0, $"GET /{path}", null, null,
                    $"GitHub API GET /{path} failed: more than {MaxRedirects} redirects (last to {target.GetLeftPart(UriPartial.Path)})");
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, target);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(OctetStream));
            request.Headers.UserAgent.Add(UserAgent);
            if (Uri.Compare(target, api, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            }

            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode && !IsRedirect(response))
            {
                using (response)
                {
                    throw Failure(request, response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
                }
            }
        }

        using (response)
        {
            await response.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        }
    }
}
