using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ModelPipeline.Build;

/// <summary>
/// Debian's wrk against one URL with a fixed POST body (wrk needs a Lua script for that): <c>wrk -t2 -c50 -d10s --latency</c>
/// by default, the issue's protocol. The body goes to a temporary file the script reads once.
/// </summary>
internal static partial class WrkLoad
{
    public static async Task<WrkResult> RunAsync(Uri url, string jsonBody, int threads = 2, int connections = 50, int seconds = 10)
    {
        var directory = Directory.CreateTempSubdirectory("modelpipeline-wrk-").FullName;
        try
        {
            var bodyPath = Path.Combine(directory, "body.json");
            await File.WriteAllTextAsync(bodyPath, jsonBody);
            var script = Path.Combine(directory, "post.lua");
            await File.WriteAllTextAsync(script, $"""
                local file = io.open("{bodyPath}", "rb")
                wrk.method = "POST"
                wrk.body = file:read("*a")
                file:close()
                wrk.headers["Content-Type"] = "application/json"
                """);
            var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in (string[])[$"-t{threads}", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, url.ToString()])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start wrk");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"wrk exited {process.ExitCode}: {await error}{await output}");
            }

            return Parse(await output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Reads wrk's text report (with --latency).</summary>
    public static WrkResult Parse(string report)
    {
        var rate = RequestsPerSecondLine().Match(report);
        if (!rate.Success)
        {
            throw new InvalidOperationException($"wrk printed no Requests/sec line:\n{report}");
        }

        var requests = RequestsLine().Match(report);
        var bad = BadResponsesLine().Match(report);
        var errors = SocketErrorsLine().Match(report);
        var socketErrors = errors.Success
            ? errors.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        return new WrkResult(
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(report, "50%"),
            Percentile(report, "99%"),
            requests.Success ? long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            bad.Success ? long.Parse(bad.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            socketErrors);
    }

    private static double Percentile(string report, string name)
    {
        var match = Regex.Match(report, $@"^\s*{Regex.Escape(name)}\s+([0-9.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);
        if (!match.Success)
        {
            throw new InvalidOperationException($"wrk printed no {name} latency (was --latency given?):\n{report}");
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            _ => value * 60_000,
        };
    }

    [GeneratedRegex(@"^Requests/sec:\s+([0-9.]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"^\s*([0-9]+) requests in", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"^\s*Non-2xx or 3xx responses:\s+([0-9]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex BadResponsesLine();

    [GeneratedRegex(@"Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)", RegexOptions.CultureInvariant)]
    private static partial Regex SocketErrorsLine();
}
