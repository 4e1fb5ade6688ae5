namespace ModelPipeline.GitHub.Workflows;

/// <summary>
/// <c>{EnvironmentVariable}: ${{ secrets.{SecretName} }}</c> in the jobs that need it; the build reads a [Secret]
/// parameter from its environment variable (RegistryPassword -> REGISTRY_PASSWORD).
/// </summary>
/// <param name="OnlyInJobs">Job ids that get it; empty = every job that runs build targets.</param>
public sealed record SecretMapping(string EnvironmentVariable, string SecretName, IReadOnlyList<string> OnlyInJobs)
{
    /// <summary>Parses <c>ENV=SECRET</c> or <c>ENV=SECRET@job1,job2</c> (as written in <see cref="GitHubWorkflowAttribute.ImportSecrets"/>).</summary>
    public static SecretMapping Parse(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == text.Length - 1)
        {
            throw new WorkflowSpecException($"secret mapping '{text}' should read ENV_NAME=SECRET_NAME, optionally followed by @job1,job2");
        }

        var at = text.IndexOf('@', eq);
        var secret = at < 0 ? text[(eq + 1)..] : text[(eq + 1)..at];
        var jobs = at < 0 ? [] : text[(at + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new SecretMapping(text[..eq].Trim(), secret.Trim(), jobs);
    }
}
