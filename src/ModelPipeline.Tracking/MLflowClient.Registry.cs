using System.Text.Json.Nodes;

namespace ModelPipeline.Tracking;

public sealed partial class MLflowClient
{
    /// <summary>Creates the registered model unless it exists (POST registered-models/create; RESOURCE_ALREADY_EXISTS is fine).</summary>
    public async Task EnsureRegisteredModelAsync(string name, CancellationToken cancellation = default)
    {
        try
        {
            await SendAsync(HttpMethod.Post, "registered-models/create", new JsonObject { ["name"] = name }, cancellation);
        }
        catch (MLflowException e) when (e.ErrorCode == "RESOURCE_ALREADY_EXISTS")
        {
        }
    }

    /// <summary>Registers a new model version (POST model-versions/create); returns MLflow's version number.</summary>
    public async Task<string> CreateModelVersionAsync(string name, string source, string? runId, IReadOnlyDictionary<string, string> tags,
        string? description = null, CancellationToken cancellation = default)
    {
        var body = new JsonObject { ["name"] = name, ["source"] = source, ["tags"] = Pairs(tags) };
        if (runId is not null)
        {
            body["run_id"] = runId;
        }

        if (description is not null)
        {
            body["description"] = description;
        }

        var answer = await SendAsync(HttpMethod.Post, "model-versions/create", body, cancellation);
        return Text(answer?["model_version"], "version");
    }

    /// <summary>
    /// The MLflow version of <paramref name="name"/> tagged <paramref name="tagKey"/> = <paramref name="tagValue"/>, or null
    /// (GET model-versions/search filtered by name, every page).
    /// </summary>
    public async Task<string?> FindModelVersionAsync(string name, string tagKey, string tagValue, CancellationToken cancellation = default)
    {
        string? page = null;
        do
        {
            var query = "model-versions/search?filter=" + Uri.EscapeDataString($"name='{name.Replace("'", "\\'", StringComparison.Ordinal)}'") + "&max_results=200";
            if (page is not null)
            {
                query += "&page_token=" + Uri.EscapeDataString(page);
            }

            var answer = await SendAsync(HttpMethod.Get, query, (JsonNode?)null, cancellation);
            foreach (var version in answer?["model_versions"]?.AsArray() ?? [])
            {
                if (version?["tags"]?.AsArray().Any(t => t?["key"]?.GetValue<string>() == tagKey && t["value"]?.GetValue<string>() == tagValue) == true)
                {
                    return Text(version, "version");
                }
            }

            page = answer?["next_page_token"]?.GetValue<string>();
        }
        while (!string.IsNullOrEmpty(page));

        return null;
    }

    /// <summary>Points an alias at a version (POST registered-models/alias); an alias names one version, so this moves it.</summary>
    public Task SetAliasAsync(string name, string alias, string version, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Post, "registered-models/alias", new JsonObject { ["name"] = name, ["alias"] = alias, ["version"] = version }, cancellation);

    /// <summary>Removes an alias (DELETE registered-models/alias); an alias that is not there is fine.</summary>
    public async Task DeleteAliasAsync(string name, string alias, CancellationToken cancellation = default)
    {
        try
        {
            await SendAsync(HttpMethod.Delete, "registered-models/alias", new JsonObject { ["name"] = name, ["alias"] = alias }, cancellation);
        }
        catch (MLflowException e) when (e.ErrorCode == "RESOURCE_DOES_NOT_EXIST")
        {
        }
    }
}
