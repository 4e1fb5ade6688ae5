namespace ModelPipeline.Registry;

/// <summary>Rules for pipeline, alias and attachment names (they become file and directory names).</summary>
internal static class RegistryNames
{
    public static void ValidatePipeline(string pipeline)
    {
        if (!IsSimpleName(pipeline))
            throw new RegistryException(
                $"pipeline name '{pipeline}' is not allowed: use letters, digits, '-', '_' or '.', starting with a letter or digit");
    }

    public static void ValidateAlias(string alias)
    {
        if (!IsSimpleName(alias) || SemanticVersion.TryParse(alias, out _))
            throw new RegistryException(
                $"alias '{alias}' is not allowed: use letters, digits, '-', '_' or '.', starting with a letter, and not a version number");
    }

    public static void ValidateAttachment(string name, string modelFile = RegistryPaths.ModelFile)
    {
        if (!IsSimpleName(name) || name == modelFile || name is RegistryPaths.ModelFile or RegistryPaths.VersionFile)
            throw new RegistryException(
                $"attachment name '{name}' is not allowed: use a plain file name (letters, digits, '-', '_', '.') other than {modelFile} and version.json");
    }

    public static void ValidateModelFile(string name, string kind)
    {
        if (!IsSimpleName(name) || name == RegistryPaths.VersionFile)
            throw new RegistryException(
                $"model file name '{name}' is not allowed: use a plain file name (letters, digits, '-', '_', '.') other than version.json");
        if (!IsSimpleName(kind) || kind != kind.ToLowerInvariant())
            throw new RegistryException($"model kind '{kind}' is not allowed: use lower-case letters, digits, '-', '_' or '.'");
    }

    private static bool IsSimpleName(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.Length <= 100
        && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
        && !name.Contains("..", StringComparison.Ordinal);
}
