using System.Text.Json.Nodes;
using ModelPipeline.Containers.Engine;

namespace ModelPipeline.Build;

/// <summary>
/// What a user's OCI registry and Docker engine hold, as "registry repository:tag" and "engine name:tag" lines. The Test
/// target takes one before and one after the tests: the tests must leave both as they found them, apart from the
/// pipelines' own repositories (what `./build.sh` itself builds and pushes).
/// </summary>
internal sealed record ServicesSnapshot(IReadOnlySet<string> Entries)
{
    /// <summary>Reads the registry's catalog and the engine's image tags; a service that does not answer contributes nothing.</summary>
    public static async Task<ServicesSnapshot> TakeAsync(string registry, IReadOnlyCollection<string> pipelineRepositories)
    {
        var entries = new List<string>();
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) })
        {
            try
            {
                var catalog = JsonNode.Parse(await http.GetStringAsync($"http://{registry}/v2/_catalog?n=100000"));
                foreach (var repository in (catalog?["repositories"]?.AsArray() ?? []).Select(r => r!.GetValue<string>()))
                {
                    entries.AddRange((await TagsAsync(http, registry, repository)).Select(tag => $"registry {registry}/{repository}:{tag}"));
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // No registry (not root, no services): nothing of it to compare.
            }
        }

        var connection = await DockerEngine.TryConnectAsync();
        if (connection.Client is { } engine)
        {
            using (engine)
            {
                entries.AddRange((await engine.ListImageTagsAsync()).Select(tag => $"engine {tag}"));
            }
        }

        return Of(entries, pipelineRepositories);
    }

    /// <summary>The entries, without those of the pipelines' own repositories.</summary>
    public static ServicesSnapshot Of(IEnumerable<string> entries, IReadOnlyCollection<string> pipelineRepositories) =>
        new(new SortedSet<string>(entries.Where(entry => !pipelineRepositories.Any(repository => IsIn(entry, repository))), StringComparer.Ordinal));

    /// <summary>A repository's tags; none when its last tag was deleted (the catalog may still list it).</summary>
    private static async Task<IEnumerable<string>> TagsAsync(HttpClient http, string registry, string repository)
    {
        using var response = await http.GetAsync($"http://{registry}/v2/{repository}/tags/list");
        if (!response.IsSuccessStatusCode)
        {
            return [];
        }

        var tags = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return (tags?["tags"]?.AsArray() ?? []).Select(t => t!.GetValue<string>());
    }

    /// <summary>What is in <paramref name="after"/> and not here ("+ ...") and what is gone ("- ...").</summary>
    public IReadOnlyList<string> Differences(ServicesSnapshot after) =>
        [.. after.Entries.Except(Entries).Select(e => "+ " + e), .. Entries.Except(after.Entries).Select(e => "- " + e)];

    /// <summary>Whether "kind host/path:tag" names a repository path that is, or ends with, the pipeline's repository.</summary>
    private static bool IsIn(string entry, string repository)
    {
        var name = entry[(entry.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        var colon = name.LastIndexOf(':');
        var path = colon > name.LastIndexOf('/') ? name[..colon] : name;
        return path == repository || path.EndsWith("/" + repository, StringComparison.Ordinal);
    }
}
