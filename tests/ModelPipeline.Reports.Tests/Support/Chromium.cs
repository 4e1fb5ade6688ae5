using System.Diagnostics;

namespace ModelPipeline.Reports.Tests;

/// <summary>Headless Debian chromium, run the way the brief prescribes: isolated profile, no network features.</summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(Path);

    /// <summary>Runs chromium with the common flags plus <paramref name="action"/>; returns (exit code, stdout, stderr).</summary>
    public static (int ExitCode, string Output, string Errors) Run(string htmlFile, string workDirectory, params string[] action)
    {
        var profile = Directory.CreateDirectory(System.IO.Path.Combine(workDirectory, "profile-" + Guid.NewGuid().ToString("N"))).FullName;
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var flag in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", $"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0"])
        {
            start.ArgumentList.Add(flag);
        }

        foreach (var flag in action)
        {
            start.ArgumentList.Add(flag);
        }

        start.ArgumentList.Add(new Uri(htmlFile).AbsoluteUri);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish within 90 s");
        }

        return (process.ExitCode, output.Result, errors.Result);
    }
}
