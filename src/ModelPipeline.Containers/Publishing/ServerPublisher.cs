using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace ModelPipeline.Containers.Publishing;

/// <summary>
/// Publishes a model server project (src/ModelPipeline.Serving unless the options name another, e.g.
/// src/ModelPipeline.Serving.MLNet) as a self-contained single-file executable for the image, skipping the publish
/// when a stamp in the output directory matches the hash of the sources and project files of the Serving/Data/Training
/// projects, src/Shared, the published project and every project it references, and the repository's build props.
/// </summary>
public static class ServerPublisher
{
    public const string StampFileName = ".modelpipeline-publish.stamp";

    private static readonly string[] SourceProjects = ["ModelPipeline.Serving", "ModelPipeline.Data", "ModelPipeline.Training", "Shared"];
    private static readonly string[] SourceExtensions = [".cs", ".csproj", ".json", ".props", ".targets", ".resx"];
    private static readonly string[] RootFiles = ["Directory.Build.props", "Directory.Packages.props", "Directory.Build.targets", "global.json", "nuget.config", "NuGet.config"];

    public static async Task<ServerPublishResult> PublishAsync(string repoRoot, string outputDirectory, ServerPublishOptions? options = null,
        Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        options ??= ServerPublishOptions.Default;
        var clock = Stopwatch.StartNew();
        repoRoot = Path.GetFullPath(repoRoot);
        outputDirectory = Path.GetFullPath(outputDirectory);
        if (!File.Exists(Path.Combine(repoRoot, options.Project)))
        {
            throw new ServerPublishException($"{repoRoot} is not a ModelPipeline repository: {options.Project} is missing");
        }

        var hash = SourceHash(repoRoot, options);
        Directory.CreateDirectory(Path.GetDirectoryName(outputDirectory)!);
        // One publisher at a time per output folder, across processes: a second one waits, then finds the stamp.
        using var held = await AcquireAsync(outputDirectory + ".lock", cancellationToken);
        var executable = Path.Combine(outputDirectory, options.Executable);
        var stamp = Path.Combine(outputDirectory, StampFileName);
        if (File.Exists(executable) && File.Exists(stamp) && (await File.ReadAllTextAsync(stamp, cancellationToken)).Trim() == hash)
        {
            log?.Invoke($"server publish is up to date ({hash[..12]})");
            return new ServerPublishResult(outputDirectory, executable, true, hash, clock.Elapsed, DirectorySize(outputDirectory));
        }

        if (Directory.Exists(outputDirectory))
        {
            Directory.Delete(outputDirectory, recursive: true);
        }

        Directory.CreateDirectory(outputDirectory);
        await RunDotnetAsync(repoRoot, options.Arguments(outputDirectory), log, cancellationToken);
        if (!File.Exists(executable))
        {
            throw new ServerPublishException($"dotnet publish finished but {executable} is missing");
        }

        await File.WriteAllTextAsync(stamp, hash + "\n", cancellationToken);
        return new ServerPublishResult(outputDirectory, executable, false, hash, clock.Elapsed, DirectorySize(outputDirectory));
    }

    /// <summary>sha256 over the relative paths and contents of every input of the publish, plus the publish options.</summary>
    private static async Task<FileStream> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(15);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }

    public static string SourceHash(string repoRoot, ServerPublishOptions? options = null)
    {
        options ??= ServerPublishOptions.Default;
        var files = new List<string>();
        var projectDirectories = SourceProjects.Select(p => Path.Combine(repoRoot, "src", p))
            .Concat(ReferencedProjects(Path.Combine(repoRoot, options.Project)).Select(p => Path.GetDirectoryName(p)!))
            .Select(Path.GetFullPath)
            .Distinct(StringComparer.Ordinal);
        foreach (var directory in projectDirectories)
        {
            if (!Directory.Exists(directory))
            {
                continue;
            }

            files.AddRange(Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(f => SourceExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Where(f => !IsUnder(directory, f, "bin") && !IsUnder(directory, f, "obj")));
        }

        files.AddRange(RootFiles.Select(f => Path.Combine(repoRoot, f)).Where(File.Exists));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(string.Join(' ', options.Arguments("<out>")) + "\n"));
        foreach (var file in files.Select(f => Path.GetRelativePath(repoRoot, f).Replace('\\', '/')).Order(StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            sha.AppendData(File.ReadAllBytes(Path.Combine(repoRoot, file)));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary><paramref name="project"/> and every project it references, directly or not (ProjectReference items).</summary>
    private static IEnumerable<string> ReferencedProjects(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next) || !File.Exists(next))
            {
                continue;
            }

            XDocument document;
            try
            {
                document = XDocument.Load(next);
            }
            catch (System.Xml.XmlException)
            {
                continue; // not a readable project file: its folder still counts
            }

            foreach (var include in document.Descendants().Where(e => e.Name.LocalName == "ProjectReference").Select(e => (string?)e.Attribute("Include")).OfType<string>())
            {
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(next)!, include.Replace('\\', '/'))));
            }
        }

        return seen;
    }

    private static bool IsUnder(string projectDirectory, string file, string folder) =>
        Path.GetRelativePath(projectDirectory, file).Replace('\\', '/').StartsWith(folder + "/", StringComparison.Ordinal);

    private static long DirectorySize(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    private static async Task RunDotnetAsync(string repoRoot, IReadOnlyList<string> arguments, Action<string>? log, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        log?.Invoke("dotnet " + string.Join(' ', arguments));
        using var process = Process.Start(start) ?? throw new ServerPublishException("could not start dotnet");
        var output = new List<string>();
        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.Add(line);
            }

            log?.Invoke(line);
        }

        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            string[] errors;
            lock (output)
            {
                errors = [.. output.Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().Take(5)];
                if (errors.Length == 0)
                {
                    errors = [.. output.TakeLast(5)];
                }
            }

            throw new ServerPublishException($"dotnet publish of the server failed (exit {process.ExitCode}): {string.Join(" | ", errors.Select(e => e.Trim()))}");
        }
    }
}
