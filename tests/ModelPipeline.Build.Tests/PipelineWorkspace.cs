using ModelPipeline.Targets;

namespace ModelPipeline.Build.Tests;

/// <summary>
/// A throwaway copy of the repository's pipelines, data and .nuke settings in a temp folder, where the
/// build runs in-process exactly as `./build.sh` would run it, with its output captured.
/// </summary>
public sealed class PipelineWorkspace : IDisposable
{
    public PipelineWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "mp-ws-" + Guid.NewGuid().ToString("N")[..10]);
        foreach (var folder in new[] { "pipelines", "data", "examples", ".nuke" })
        {
            CopyDirectory(Path.Combine(RepositoryRoot, folder), Path.Combine(Root, folder));
        }
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public string Root { get; }

    public string Models => Path.Combine(Root, "models");

    /// <summary>Runs `./build.sh args...` in this workspace; returns the exit code and everything printed.</summary>
    public (int ExitCode, string Output) Build(params string[] args) => Build(new Dictionary<string, string?>(), args);

    public (int ExitCode, string Output) Build(IDictionary<string, string?> environment, params string[] args)
    {
        var output = new StringWriter();
        var env = new Dictionary<string, string?>(environment) { ["PATH"] = Environment.GetEnvironmentVariable("PATH") };
        var host = new BuildHost { Output = output, Environment = env, WorkingDirectory = Root };
        var exit = ModelPipeline.Build.Build.Start([.. args, "--root", Root], host);
        return (exit, output.ToString());
    }

    /// <summary>Runs `./build.sh args...` with standard output and standard error apart, as a terminal user sees them.</summary>
    public (int ExitCode, string Output, string Log) BuildSeparated(params string[] args)
    {
        var output = new StringWriter();
        var log = new StringWriter();
        var env = new Dictionary<string, string?> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") };
        var host = new BuildHost { Output = output, Log = log, Environment = env, WorkingDirectory = Root };
        var exit = ModelPipeline.Build.Build.Start([.. args, "--root", Root], host);
        return (exit, output.ToString(), log.ToString());
    }

    /// <summary>
    /// Runs a build that must fail on a user mistake: non-zero exit, no stack trace, and the registry exactly as it was.
    /// </summary>
    public (int ExitCode, string Output) BuildFailingWithRegistryKept(params string[] args)
    {
        var before = RegistrySnapshot();
        var (exit, output) = Build(args);
        Assert.True(exit != 0, output);
        Assert.DoesNotContain("   at ", output);
        Assert.Equal(before, RegistrySnapshot());
        return (exit, output);
    }

    /// <summary>Replaces text in a workspace file, asserting that the text was there.</summary>
    public void Edit(string file, string from, string to)
    {
        var path = Path.Combine(Root, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>Multiplies a numeric column of a workspace CSV file (quoted header names) by <paramref name="factor"/>: a shifted feature.</summary>
    public void ScaleColumn(string file, string column, double factor)
    {
        var path = Path.Combine(Root, file);
        var lines = File.ReadAllLines(path);
        var index = Array.IndexOf(lines[0].Split(','), $"\"{column}\"");
        Assert.True(index >= 0, lines[0]);
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            cells[index] = (double.Parse(cells[index], System.Globalization.CultureInfo.InvariantCulture) * factor)
                .ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
            lines[i] = string.Join(',', cells);
        }

        File.WriteAllLines(path, lines);
    }

    /// <summary>The files under models/ with their bytes, to prove that a failed run changed nothing.</summary>
    public IReadOnlyDictionary<string, string> RegistrySnapshot() =>
        !Directory.Exists(Models)
            ? new Dictionary<string, string>()
            : Directory.EnumerateFiles(Models, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .ToDictionary(f => Path.GetRelativePath(Models, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ModelPipeline.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ModelPipeline.sln not found above the test assembly.");
    }
}
