namespace ModelPipeline.Targets;

/// <summary>
/// Base class of a build: targets are <see cref="Target"/> properties, parameters are fields or properties marked
/// <see cref="ParameterAttribute"/>. Entry point: <c>public static int Main(string[] args) => Execute&lt;Build&gt;(args, x => x.Default);</c>
/// </summary>
public abstract class BuildDefinition
{
    /// <summary>The folder containing <c>.nuke/</c> (searched upwards from the working directory), or <c>--root</c>.</summary>
    public AbsolutePath RootDirectory { get; internal set; } = null!;

    /// <summary>True when running on a CI server (<c>CI</c> or <c>GITHUB_ACTIONS</c> set to a non-false value).</summary>
    public bool IsServerBuild { get; internal set; }

    /// <summary>True when not <see cref="IsServerBuild"/>.</summary>
    public bool IsLocalBuild => !IsServerBuild;

    /// <summary>True when running on GitHub Actions (<c>GITHUB_ACTIONS=true</c>).</summary>
    public bool IsGitHubActions { get; internal set; }

    /// <summary>Writes progress lines; use it instead of <see cref="Console"/> so secrets are masked and CI gets annotations.</summary>
    public BuildLog Log { get; internal set; } = null!;

    /// <summary>Signalled when the build is cancelled (Ctrl+C); pass it to long-running calls.</summary>
    public CancellationToken CancellationToken { get; internal set; }

    /// <summary>The outcome of every planned target, in execution order; filled before <see cref="OnBuildFinished"/>.</summary>
    public IReadOnlyList<TargetResult> Results { get; internal set; } = [];

    /// <summary>
    /// Parses <paramref name="args"/>, fills parameters, runs the requested targets (or <paramref name="defaultTarget"/>)
    /// with their dependencies and prints a summary.
    /// </summary>
    /// <returns>0 when every target succeeded or was skipped, 1 when a target failed, 2 for a mistake in the input
    /// (command line, or what <see cref="IsInputMistake"/> accepts).</returns>
    public static int Execute<TBuild>(string[] args, Func<TBuild, Target>? defaultTarget = null, BuildHost? host = null)
        where TBuild : BuildDefinition, new()
    {
        host ??= BuildHost.FromProcess();
        return BuildRunner.Run(
            () => new TBuild(),
            typeof(TBuild),
            args,
            defaultTarget is null ? null : build => defaultTarget((TBuild)build),
            host);
    }

    /// <summary>Called after parameters are filled, before the plan is made (not for <c>--help</c>).</summary>
    protected virtual void OnBuildInitialized()
    {
    }

    /// <summary>Called after the last target, before the summary is printed; <see cref="Results"/> is filled.</summary>
    protected virtual void OnBuildFinished()
    {
    }

    /// <summary>
    /// Whether an exception a target threw is a mistake in the user's input (a pipeline file, a data file, a version
    /// name) whose message says all: its lines are printed once, as they are, the build stops with exit code 2 and
    /// prints no summary of targets that never started. Other exceptions fail the target as usual.
    /// </summary>
    protected virtual bool IsInputMistake(Exception error) => false;

    internal bool IsMistake(Exception error) => error is InputMistakeException || IsInputMistake(error);

    internal void NotifyInitialized() => OnBuildInitialized();

    internal void NotifyFinished() => OnBuildFinished();
}
