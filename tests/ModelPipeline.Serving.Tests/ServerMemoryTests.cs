using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using ModelPipeline.Serving.Tests.Support;
using ModelPipeline.Testing;
using Xunit.Abstractions;

namespace ModelPipeline.Serving.Tests;

/// <summary>
/// The server as its own process answering the largest bodies its default limit is meant for (45 MB of JSON rows, and
/// 45 MB that fails validation). A guard, not yet the goal: issue 16 asks for a peak of at most 300 MiB; the server
/// peaks at 450-630 MiB today (JsonDocument over the whole body, then the rows), so this test holds it under 700 MiB
/// and logs the figures.
/// </summary>
[Collection(ChurnServerCollection.Name)]
public sealed class ServerMemoryTests(ChurnServer churn, ITestOutputHelper log)
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public async Task LargeBodies_PeakMemoryStaysUnder700MiB()
    {
        var port = LoopbackPort.Free();
        using var host = ServerHostProcess.Start("ModelPipeline.Serving.dll", "--model-dir", churn.ModelDirectory, "--host", "127.0.0.1",
            "--port", port.ToString(CultureInfo.InvariantCulture), "--request-log", "off");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(3) };
        try
        {
            await ServerHostProcess.WaitForPingAsync(client, host);
            var idle = Memory(host).Rss;
            var valid = ValidBody(45_000_000);
            var invalid = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(valid).Replace("\"tenure\"", "\"tenor\"", StringComparison.Ordinal));

            var (validStatus, validPeak, validAfter) = await PostAsync(client, host, valid);
            var (invalidStatus, invalidPeak, invalidAfter) = await PostAsync(client, host, invalid);

            log.WriteLine($"idle {idle / MiB} MiB; valid 45 MB: {validStatus}, peak {validPeak / MiB} MiB, after {validAfter / MiB} MiB; " +
                          $"invalid 45 MB: {invalidStatus}, peak {invalidPeak / MiB} MiB, after {invalidAfter / MiB} MiB");
            Assert.Equal(HttpStatusCode.OK, validStatus);
            Assert.Equal(HttpStatusCode.BadRequest, invalidStatus);
            Assert.True(Math.Max(validPeak, invalidPeak) <= 700 * MiB, $"peak {Math.Max(validPeak, invalidPeak) / MiB} MiB > 700 MiB");
        }
        finally
        {
            host.Kill(entireProcessTree: true);
        }
    }

    /// <summary>A dataframe_split body of about <paramref name="bytes"/> bytes: churn's first 200 rows, repeated.</summary>
    private byte[] ValidBody(int bytes)
    {
        var sample = System.Text.Json.Nodes.JsonNode.Parse(
            RequestBodies.Split(churn.Data, [.. Enumerable.Range(0, 200)], [.. churn.Model.Schema.Inputs.Select(i => i.Name)]))!["dataframe_split"]!;
        var rows = sample["data"]!.AsArray().Select(row => row!.ToJsonString()).ToArray();
        var text = new StringBuilder(bytes + 4096).Append("{\"dataframe_split\":{\"columns\":").Append(sample["columns"]!.ToJsonString()).Append(",\"data\":[");
        for (var i = 0; text.Length < bytes; i++)
        {
            text.Append(i == 0 ? "" : ",").Append(rows[i % rows.Length]);
        }

        return Encoding.UTF8.GetBytes(text.Append("]}}").ToString());
    }

    private static async Task<(HttpStatusCode Status, long Peak, long After)> PostAsync(HttpClient client, Process host, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync("invocations", content);
        await response.Content.ReadAsByteArrayAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var (rss, peak) = Memory(host);
        return (response.StatusCode, peak, rss);
    }

    /// <summary>VmRSS and VmHWM (peak resident set) of the process, in bytes.</summary>
    private static (long Rss, long Peak) Memory(Process process)
    {
        var status = File.ReadAllLines($"/proc/{process.Id}/status");
        long Field(string name) => long.Parse(status.Single(l => l.StartsWith(name, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        return (Field("VmRSS:"), Field("VmHWM:"));
    }
}
