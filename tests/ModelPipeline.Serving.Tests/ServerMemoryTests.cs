using System.Net;
using System.Text;
using ModelPipeline.Serving.Tests.Support;
using Xunit.Abstractions;

namespace ModelPipeline.Serving.Tests;

/// <summary>
/// The server process's memory while it answers a 45 MB body (close to the default 64 MiB limit) and after: its peak
/// RSS (VmHWM in /proc/&lt;pid&gt;/status) stays at or under 300 MiB for JSON (CSV: measured under 300 MiB, guarded at 320),
/// and 5 s after the answer its RSS is back within 128 MiB (CSV 192 MiB) of what it was before the request. Linux only (reads /proc).
/// </summary>
[Collection(ChurnServerCollection.Name)]
public sealed class ServerMemoryTests(ChurnServer churn, ITestOutputHelper output)
{
    private const int BodyBytes = 45_000_000;
    private const long PeakLimit = 300L << 20;

    /// <summary>
    /// CSV: CsvFrameReader (ModelPipeline.Data) still builds a text frame of the whole body before the inputs are
    /// converted. Its columns, declared categorical, used to get a number array each that the first chunk dropped
    /// (peak 348 MiB); they now get their code arrays at once: 262 and 289 MiB measured, under the 300 MiB goal, guarded
    /// at 320 MiB for the spread between runs.
    /// </summary>
    private const long CsvPeakLimit = 320L << 20;

    private const long ReturnedWithin = 128L << 20;

    /// <summary>CSV keeps more after the answer (measured +127 MiB, 5 s later): its own bound, with margin.</summary>
    private const long CsvReturnedWithin = 192L << 20;

    public static TheoryData<string> Bodies => ["split", "split-wrong-column", "records", "csv"];

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task ServerProcess_45MBBody_PeakRssAtMost300MiB_AndRssReturnsAfterTheAnswer(string kind)
    {
        var (body, mediaType, expected) = Body(kind);
        var port = LoopbackPort.Free();
        using var process = ServerHostProcess.Start("ModelPipeline.Serving.dll", "--model-dir", churn.ModelDirectory, "--port", $"{port}", "--host", "127.0.0.1");
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(3) };
            await ServerHostProcess.WaitForPingAsync(http, process);
            var small = RequestBodies.Split(churn.Data, [0, 1], Inputs());
            using (var warm = await http.PostAsync("invocations", new StringContent(small, Encoding.UTF8, "application/json")))
            {
                Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
            }

            var before = Status(process.Id);
            using (var content = new ByteArrayContent(body))
            {
                content.Headers.ContentType = new(mediaType);
                using var answer = await http.PostAsync("invocations", content);
                Assert.True(expected == answer.StatusCode, $"{kind}: {answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
            }

            var peak = Status(process.Id).Hwm;
            await Task.Delay(TimeSpan.FromSeconds(5));
            var after = Status(process.Id);
            output.WriteLine($"{kind} ({body.Length:N0} bytes): RSS before {Mib(before.Rss)}, peak (VmHWM) {Mib(peak)}, RSS 5 s after the answer {Mib(after.Rss)}; {File.ReadAllText("/proc/loadavg").Trim()}");
            var limit = kind == "csv" ? CsvPeakLimit : PeakLimit;
            Assert.True(peak <= limit, $"{kind}: peak RSS {Mib(peak)} is over {Mib(limit)}");
            var within = kind == "csv" ? CsvReturnedWithin : ReturnedWithin;
            Assert.True(after.Rss <= before.Rss + within, $"{kind}: RSS {Mib(after.Rss)} 5 s after the answer; it was {Mib(before.Rss)} before");
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    private (byte[] Body, string MediaType, HttpStatusCode Expected) Body(string kind)
    {
        var columns = Inputs();
        var rows = Enumerable.Range(0, churn.Data.RowCount).ToArray();
        var text = kind switch
        {
            "split" => RequestBodies.Split(churn.Data, rows, columns),
            "split-wrong-column" => WrongColumn(RequestBodies.Split(churn.Data, rows, columns)),
            "records" => RequestBodies.Records("dataframe_records", churn.Data, rows, columns),
            _ => RequestBodies.Csv(churn.Data, rows, columns),
        };
        var one = Encoding.UTF8.GetBytes(text);
        var copies = (BodyBytes + one.Length - 1) / one.Length;
        var all = Enumerable.Repeat(rows, copies).SelectMany(r => r).ToArray();
        text = kind switch
        {
            "split" => RequestBodies.Split(churn.Data, all, columns),
            "split-wrong-column" => WrongColumn(RequestBodies.Split(churn.Data, all, columns)),
            "records" => RequestBodies.Records("dataframe_records", churn.Data, all, columns),
            _ => RequestBodies.Csv(churn.Data, all, columns),
        };
        var expected = kind == "split-wrong-column" ? HttpStatusCode.BadRequest : HttpStatusCode.OK;
        return (Encoding.UTF8.GetBytes(text), kind == "csv" ? "text/csv" : "application/json", expected);
    }

    /// <summary>The first column renamed to one the model does not have: a clear 400 naming the missing input.</summary>
    private static string WrongColumn(string split)
    {
        var at = split.IndexOf("\"female\"", StringComparison.Ordinal);
        return string.Concat(split.AsSpan(0, at), "\"not_an_input\"", split.AsSpan(at + "\"female\"".Length));
    }

    private string[] Inputs() => [.. churn.Model.Schema.Inputs.Select(i => i.Name)];

    private static (long Rss, long Hwm) Status(int pid)
    {
        long rss = 0, hwm = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kib(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kib(line);
            }
        }

        return (rss, hwm);
    }

    private static long Kib(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;

    private static string Mib(long bytes) => $"{bytes / (1024.0 * 1024.0):F0} MiB";
}
