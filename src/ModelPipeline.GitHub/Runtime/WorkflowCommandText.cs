namespace ModelPipeline.GitHub;

/// <summary>GitHub's escaping rules for workflow commands and environment files (as in @actions/core).</summary>
public static class WorkflowCommandText
{
    /// <summary>Message text after <c>::</c>: <c>%</c> -> %25, CR -> %0D, LF -> %0A.</summary>
    public static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>A property value (<c>file=…</c>): as <see cref="EscapeData"/> plus <c>:</c> -> %3A and <c>,</c> -> %2C.</summary>
    public static string EscapeProperty(string text) =>
        EscapeData(text)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>
    /// An entry for <c>$GITHUB_OUTPUT</c>/<c>$GITHUB_ENV</c>: always the <c>name&lt;&lt;ghadelimiter_&lt;guid&gt;</c> form, so
    /// values with line breaks or '=' are safe; the delimiter is random so a value cannot end the block early.
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty or contains a line break or '='.</exception>
    public static string EnvironmentFileEntry(string name, string value, Guid nonce)
    {
        if (name.Length == 0 || name.IndexOfAny(['\r', '\n', '=']) >= 0)
        {
            throw new ArgumentException($"output name '{name}' must be non-empty and contain no line break or '='", nameof(name));
        }

        var delimiter = $"ghadelimiter_{nonce}";
        if (value.Contains(delimiter, StringComparison.Ordinal))
        {
            throw new ArgumentException($"value of '{name}' contains the delimiter {delimiter}", nameof(value));
        }

        return $"{name}<<{delimiter}\n{value}\n{delimiter}\n";
    }
}
