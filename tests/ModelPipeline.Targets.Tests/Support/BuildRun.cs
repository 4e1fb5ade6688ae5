namespace ModelPipeline.Targets.Tests;

/// <summary>Runs a build in-process with captured output, a given environment and a temporary working directory.</summary>
internal sealed class BuildRun
{
    private BuildRun(int exitCode, string output, string? log = null)
    {
        ExitCode = exitCode;
        Output = output;
        Log = log ?? output;
    }

    public int ExitCode { get; }

    /// <summary>Standard output (and the log too, unless the run had a separate one).</summary>
    public string Output { get; }

    /// <summary>Standard error, when the run had a separate log; else the same as <see cref="Output"/>.</summary>
    public string Log { get; }

    public string[] LogLines => Log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>Runs an existing instance (so the test can inspect it afterwards).</summary>
    public static BuildRun Of<TBuild>(
        TBuild build,
        string[] args,
        IDictionary<string, string?>? environment = null,
        string? workingDirectory = null,
        Func<TBuild, Target>? defaultTarget = null,
        bool terminal = false)
        where TBuild : BuildDefinition
    {
        var output = new StringWriter { NewLine = "\n" };
        var host = Host(output, environment, workingDirectory, terminal);
        var exitCode = BuildRunner.Run(
            () => build,
            typeof(TBuild),
            args,
            defaultTarget is null ? null : b => defaultTarget((TBuild)b),
            host);
        return new BuildRun(exitCode, output.ToString());
    }

    /// <summary>Runs with standard output and standard error kept apart, as <see cref="BuildHost.FromProcess"/> does.</summary>
    public static BuildRun Separated<TBuild>(
        TBuild build,
        string[] args,
        IDictionary<string, string?>? environment = null,
        bool terminal = false,
        int? columns = null)
        where TBuild : BuildDefinition
    {
        var output = new StringWriter { NewLine = "\n" };
        var log = new StringWriter { NewLine = "\n" };
        var host = new BuildHost
        {
            IsTerminal = terminal,
            Columns = columns,
            Output = output,
            Log = log,
            Environment = environment ?? new Dictionary<string, string?>(),
            WorkingDirectory = TempDirectory.Shared,
        };
        var exitCode = BuildRunner.Run(() => build, typeof(TBuild), args, null, host);
        return new BuildRun(exitCode, output.ToString(), log.ToString());
    }

    /// <summary>Runs through the public entry point, as Main would.</summary>
    public static BuildRun Execute<TBuild>(
        string[] args,
        IDictionary<string, string?>? environment = null,
        string? workingDirectory = null,
        Func<TBuild, Target>? defaultTarget = null)
        where TBuild : BuildDefinition, new()
    {
        var output = new StringWriter { NewLine = "\n" };
        var exitCode = BuildDefinition.Execute(args, defaultTarget, Host(output, environment, workingDirectory));
        return new BuildRun(exitCode, output.ToString());
    }

    private static BuildHost Host(
        StringWriter output,
        IDictionary<string, string?>? environment,
        string? workingDirectory,
        bool terminal = false) => new()
    {
        IsTerminal = terminal,
        Output = output,
        Environment = environment ?? new Dictionary<string, string?>(),
        WorkingDirectory = workingDirectory ?? TempDirectory.Shared,
    };
}
