using System.Diagnostics;
using Xunit;

namespace ModelPipeline.Testing;

/// <summary>
/// A model server host (built-in, ML.NET, ONNX) run as its own process, as the image runs it: started with
/// <c>dotnet &lt;assembly&gt;</c> from the test's output folder, on a free loopback port, until it answers /ping.
/// Linked into the test projects of the server hosts.
/// </summary>
internal static class ServerHostProcess
{
    public static Process Start(string assembly, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }

    /// <summary>Waits up to 60 s for /ping; fails with the server's exit code and standard error if it exits first.</summary>
    public static async Task WaitForPingAsync(HttpClient client, Process host)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(host.HasExited, $"the server exited ({(host.HasExited ? host.ExitCode : 0)}): {(host.HasExited ? await host.StandardError.ReadToEndAsync() : "")}");
            try
            {
                using var ping = await client.GetAsync("ping");
                if (ping.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        Assert.Fail("no /ping answer within 60 s");
    }
}
