using System.Diagnostics;

namespace ModelPipeline.Monitoring.Tests;

/// <summary>/usr/bin/promtool (Debian prometheus): absent means the test fails on CI and passes vacuously elsewhere.</summary>
internal static class Promtool
{
    public static string? Path
    {
        get
        {
            var found = new[] { "/usr/bin/promtool", "/usr/local/bin/promtool" }.FirstOrDefault(File.Exists);
            if (found is null && Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException("promtool is required on CI (Debian package 'prometheus')");
            }

            return found;
        }
    }

    public static (int ExitCode, string Output) Run(string promtool, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(promtool) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}
