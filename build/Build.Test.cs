using System.Diagnostics;
using System.Xml.Linq;
using ModelPipeline.Definitions;
using ModelPipeline.Targets;

namespace ModelPipeline.Build;

internal sealed partial class Build
{
    /// <summary>The Debian packages the integration tests use besides the Docker engine and the registry.</summary>
    static readonly string[] TestPackages = ["prometheus", "chromium", "python3-sklearn", "python3-onnx", "skopeo", "busybox-static"];

    [Parameter("Only run tests whose fully qualified name contains this text (dotnet test --filter)")]
    readonly string? TestFilter;

    Target Services => _ => _
        .Description("Install (as root) and start the Docker engine and the OCI registry on 127.0.0.1:5000 (scripts/start-services.sh)")
        .Executes(() => StartServices([]));

    Target Test => _ => _
        .Description("Run every test: installs and starts the Docker engine, registry, Prometheus and Chromium first (as root)")
        .Executes(() =>
        {
            // The workflow tests npm ci their pinned checker (tests/ModelPipeline.GitHub.Tests/WorkflowCheck): npm must exist.
            StartServices(OnPath("npm") ? TestPackages : [.. TestPackages, "nodejs", "npm"]);
            var results = RootDirectory / ".tmp" / "test-results";
            if (Directory.Exists(results))
            {
                Directory.Delete(results, recursive: true);
            }

            var pipelineRepositories = PipelineRepositories();
            var registry = Environment.GetEnvironmentVariable("REGISTRY") ?? "127.0.0.1:5000";
            var before = ServicesSnapshot.TakeAsync(registry, pipelineRepositories).GetAwaiter().GetResult();

            // Build everything first, then test without building: test assemblies that run while others still
            // build (publishing the server, say) must not race the compiler over the same bin folders.
            var solution = RootDirectory / "ModelPipeline.sln";
            var built = RunProcess("dotnet", $"build \"{solution}\" -c Release --nologo");
            if (built != 0)
            {
                throw new InvalidOperationException($"dotnet build failed (exit code {built})");
            }

            var arguments = $"test \"{solution}\" -c Release --no-build --nologo --logger trx --results-directory \"{results}\"" +
                " -- RunConfiguration.TreatNoTestsAsError=false";
            if (!string.IsNullOrWhiteSpace(TestFilter))
            {
                arguments = arguments.Replace(" -- ", $" --filter \"FullyQualifiedName~{TestFilter}\" -- ", StringComparison.Ordinal);
            }

            var exit = RunProcess("dotnet", arguments);
            var (passed, failed, skipped) = CountResults(results);
            Console.WriteLine($"Tests: {passed} passed, {failed} failed, {skipped} skipped");

            // The tests push to a registry of their own and remove what they build: the user's registry and engine
            // must look as before, apart from the pipelines' own images.
            var changed = before.Differences(ServicesSnapshot.TakeAsync(registry, pipelineRepositories).GetAwaiter().GetResult());
            foreach (var line in changed)
            {
                Log.Error($"changed by the tests: {line}");
            }

            if (exit != 0 || failed > 0)
            {
                throw new InvalidOperationException($"dotnet test failed (exit code {exit}, {failed} failed tests)");
            }

            if (changed.Count > 0)
            {
                throw new InvalidOperationException($"the tests changed {changed.Count} registry or engine entries (listed above)");
            }
        });

    void StartServices(IEnumerable<string> extraPackages)
    {
        var script = Path.Combine(Run.SourceRoot, "scripts", "start-services.sh");
        var output = new List<string>();
        var exit = RunProcess("bash", $"\"{script}\" {string.Join(' ', extraPackages)}", output);
        foreach (var line in output.Where(l => l.Contains('=')))
        {
            var (name, value) = (line[..line.IndexOf('=')], line[(line.IndexOf('=') + 1)..]);
            Environment.SetEnvironmentVariable(name, value);
            Log.Information($"{name}={value}");
        }

        if (exit != 0)
        {
            var reason = $"scripts/start-services.sh could not start the Docker engine and registry (exit {exit}); run it as root";
            if (IsServerBuild)
            {
                throw new InvalidOperationException(reason);
            }

            Log.Warning(reason);
        }
    }

    /// <summary>push.repository of every pipeline (their images are the pipeline's own, not the tests').</summary>
    string[] PipelineRepositories()
    {
        try
        {
            return [.. PipelineLoader.ListPipelines(RootDirectory).Select(name => PipelineLoader.LoadByName(name, RootDirectory).Push.Repository)];
        }
        catch (Exception e) when (e is IOException or PipelineDefinitionException)
        {
            Log.Warning($"the pipelines' repositories are unknown ({e.Message}): their images count as the tests'");
            return [];
        }
    }

    static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));

    static int RunProcess(string file, string arguments, List<string>? capture = null)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = capture is not null };
        using var process = Process.Start(info)!;
        if (capture is not null)
        {
            while (process.StandardOutput.ReadLine() is { } line)
            {
                capture.Add(line);
            }
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    static (int Passed, int Failed, int Skipped) CountResults(string directory)
    {
        int passed = 0, failed = 0, skipped = 0;
        if (!Directory.Exists(directory))
        {
            return (0, 0, 0);
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.trx", SearchOption.AllDirectories))
        {
            var counters = XDocument.Load(file).Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
            if (counters is null)
            {
                continue;
            }

            int Count(string name) => int.TryParse(counters.Attribute(name)?.Value, out var n) ? n : 0;
            passed += Count("passed");
            failed += Count("failed") + Count("error") + Count("timeout") + Count("aborted");
            skipped += Count("notExecuted");
        }

        return (passed, failed, skipped);
    }
}
