namespace ModelPipeline.GitHub.Workflows;

/// <summary>An ordered YAML mapping: keys are written in the order they were added.</summary>
internal sealed class YamlMap : List<KeyValuePair<string, object>>
{
    /// <summary>Adds <paramref name="key"/> unless <paramref name="value"/> is null (so optional keys read naturally).</summary>
    public YamlMap Set(string key, object? value)
    {
        if (value is not null)
        {
            Add(new KeyValuePair<string, object>(key, value));
        }

        return this;
    }
}
