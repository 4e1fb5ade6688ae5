using System.Diagnostics;

namespace ModelPipeline.Testing;

/// <summary>
/// Debian packages a test needs (Python with scikit-learn and onnx for the example training command): missing ones
/// are installed with apt-get (update first) when the tests run as root, as ./build.sh Test does; otherwise the test
/// fails naming the command to run. Never skipped: a missing package is a failure, under CI or not.
/// </summary>
internal static class DebianPackages
{
    private static readonly Lock Gate = new();

    /// <summary>Python 3 with scikit-learn and onnx (Debian's python3-sklearn and python3-onnx), for examples/sklearn.</summary>
    public static void RequirePythonTraining() => Require("python3-sklearn", "python3-onnx");

    public static void Require(params string[] packages)
    {
        lock (Gate)
        {
            var missing = packages.Where(p => !Installed(p)).ToArray();
            if (missing.Length == 0)
            {
                return;
            }

            var install = $"apt-get install -y --no-install-recommends {string.Join(' ', missing)}";
            if (!Environment.IsPrivilegedProcess)
            {
                throw new InvalidOperationException($"these tests need the Debian packages {string.Join(", ", missing)}: run `sudo apt-get update && sudo {install}` (./build.sh Test does it as root)");
            }

            foreach (var command in new[] { "apt-get update -qq", install + " -qq" })
            {
                var (exit, output) = Run("/bin/sh", "-c", $"DEBIAN_FRONTEND=noninteractive {command}");
                if (exit != 0)
                {
                    throw new InvalidOperationException($"`{command}` failed (exit {exit}): {output.Trim()}");
                }
            }
        }
    }

    private static bool Installed(string package)
    {
        try
        {
            var (exit, output) = Run("dpkg-query", "-W", "-f=${Status}", package);
            return exit == 0 && output.Contains("install ok installed", StringComparison.Ordinal);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static (int Exit, string Output) Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
