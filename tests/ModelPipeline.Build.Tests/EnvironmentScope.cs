namespace ModelPipeline.Build.Tests;

/// <summary>
/// Sets process environment variables for a test and restores them on dispose (for code that reads the process
/// environment, like the GitHub Actions runtime). Use only in <see cref="ProcessEnvironmentCollection"/> tests.
/// </summary>
public sealed class EnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> _saved;

    public EnvironmentScope(IDictionary<string, string?> variables)
    {
        Variables = new Dictionary<string, string?>(variables);
        _saved = Variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        foreach (var (name, value) in Variables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    /// <summary>The variables set, to hand to the build host as well.</summary>
    public IDictionary<string, string?> Variables { get; }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
