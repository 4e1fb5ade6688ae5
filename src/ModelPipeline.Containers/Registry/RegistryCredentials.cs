namespace ModelPipeline.Containers.Registry;

/// <summary>
/// A registry login. Never printed: <see cref="ToString"/> hides the password. <see cref="FromEnvironment"/> reads
/// REGISTRY_USERNAME/REGISTRY_PASSWORD, or GITHUB_TOKEN (user GITHUB_ACTOR or "token") for ghcr.io.
/// </summary>
public sealed class RegistryCredentials(string username, string password)
{
    public string Username { get; } = username;

    public string Password { get; } = password;

    /// <summary>Credentials for <paramref name="registry"/> from the environment, or null when none are set.</summary>
    public static RegistryCredentials? FromEnvironment(string registry, IReadOnlyDictionary<string, string?>? environment = null)
    {
        string? Get(string name) => environment is null ? Environment.GetEnvironmentVariable(name) : environment.GetValueOrDefault(name);
        var user = Get("REGISTRY_USERNAME");
        var password = Get("REGISTRY_PASSWORD");
        if (!string.IsNullOrEmpty(user) && !string.IsNullOrEmpty(password))
        {
            return new RegistryCredentials(user, password);
        }

        var token = Get("GITHUB_TOKEN");
        if (registry.Equals("ghcr.io", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(token))
        {
            var actor = Get("GITHUB_ACTOR");
            return new RegistryCredentials(string.IsNullOrEmpty(actor) ? "token" : actor, token);
        }

        return null;
    }

    public override string ToString() => $"{Username}:***";
}
