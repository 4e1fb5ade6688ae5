using System.Diagnostics;
using System.Net.Http.Headers;

namespace ModelPipeline.Build;

/// <summary>
/// The soak's load generator, in-process: first the mix's maximum throughput, closed loop (<see cref="ProbeConnections"/>
/// requests always in flight), then an open loop paced at a share of it (request <c>i</c> is sent at <c>i / rate</c>
/// seconds whatever the answers do, at most <see cref="MaxInFlight"/> in flight; a request due beyond that is counted
/// as not sent). Requests follow the mix's shares in a fixed shuffled order; each is checked against the status its
/// kind must get. The server's RSS is sampled every 200 ms.
/// </summary>
internal sealed class SoakLoad(Uri invocations, IReadOnlyList<SoakRequest> mix, Func<long?> rssBytes)
{
    public const int ProbeConnections = 32;
    public const int MaxInFlight = 1024;
    private const int FailuresKept = 5;

    private readonly int[] _kinds = Order(mix);
    private readonly byte[][] _bodies = [.. mix.Select(r => System.Text.Encoding.UTF8.GetBytes(r.Body))];
    private readonly List<string> _failures = [];

    public async Task<SoakFigures> RunAsync(TimeSpan probe, TimeSpan warmUp, int windows, TimeSpan window, double share)
    {
        var loadBefore = ServingBenchmark.LoadAverage();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = MaxInFlight, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

        var probed = new SoakTally();
        var clock = Stopwatch.StartNew();
        var next = -1L;
        await Task.WhenAll(Enumerable.Range(0, ProbeConnections).Select(async _ =>
        {
            while (clock.Elapsed < probe)
            {
                await SendAsync(http, Interlocked.Increment(ref next), probed);
            }
        }));
        var probeSeconds = clock.Elapsed.TotalSeconds;
        probed.Sample(rssBytes());
        var max = probed.Sent / probeSeconds;
        var rate = max * share;

        // Tally 0 is the warm-up, then one per window; a request belongs to the tally of the moment it was due.
        var tallies = Enumerable.Range(0, windows + 1).Select(_ => new SoakTally()).ToArray();
        var total = warmUp + window * windows;
        int TallyAt(TimeSpan at) => at < warmUp ? 0 : Math.Min(windows, 1 + (int)((at - warmUp) / window));
        var paced = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                tallies[TallyAt(paced.Elapsed)].Sample(rssBytes());
                await Task.Delay(200, CancellationToken.None);
            }
        });

        var inFlight = 0;
        var pending = new List<Task>();
        async Task SendCountedAsync(long number, SoakTally tally)
        {
            await SendAsync(http, number, tally);
            Interlocked.Decrement(ref inFlight);
        }

        var sent = 0L;
        while (paced.Elapsed < total)
        {
            for (var due = (long)(paced.Elapsed.TotalSeconds * rate); sent < due; sent++)
            {
                var tally = tallies[TallyAt(TimeSpan.FromSeconds(sent / rate))];
                if (Volatile.Read(ref inFlight) >= MaxInFlight)
                {
                    Interlocked.Increment(ref tally.Late);
                    continue;
                }

                Interlocked.Increment(ref inFlight);
                pending.Add(SendCountedAsync(sent, tally));
            }

            pending.RemoveAll(t => t.IsCompleted);
            await Task.Delay(1);
        }

        await Task.WhenAll(pending);
        await stop.CancelAsync();
        await sampler;
        tallies[^1].Sample(rssBytes());
        lock (_failures)
        {
            return new SoakFigures(mix, max, rate,
                probed.Window(-1, probeSeconds),
                tallies[0].Window(0, warmUp.TotalSeconds),
                [.. tallies.Skip(1).Select((t, i) => t.Window(i + 1, window.TotalSeconds))],
                [.. _failures], loadBefore, ServingBenchmark.LoadAverage(), DateTimeOffset.UtcNow);
        }
    }

    private async Task SendAsync(HttpClient http, long number, SoakTally tally)
    {
        var index = (int)(number % _kinds.Length);
        var request = mix[_kinds[index]];
        var started = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref tally.Sent);
        try
        {
            using var content = new ByteArrayContent(_bodies[_kinds[index]]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync(invocations, content);
            var answer = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status == request.ExpectedStatus)
            {
                Interlocked.Increment(ref tally.Expected);
                tally.Latency(request.Kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            else if (status >= 500)
            {
                Interlocked.Increment(ref tally.ServerErrors);
                Fail($"{request.Kind} request answered {status}: {Cut(answer)}");
            }
            else
            {
                Interlocked.Increment(ref tally.Unexpected);
                Fail($"{request.Kind} request answered {status}, not {request.ExpectedStatus}: {Cut(answer)}");
            }
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
        {
            Interlocked.Increment(ref tally.Failed);
            Fail($"{request.Kind} request failed: {error.GetType().Name}: {error.Message}");
        }
    }

    private void Fail(string failure)
    {
        lock (_failures)
        {
            if (_failures.Count < FailuresKept)
            {
                _failures.Add(failure);
            }
        }
    }

    private static string Cut(string text) => text.Length > 200 ? text[..200] + "…" : text;

    /// <summary>The mix's indexes, each as many times as its share, in a shuffled order that is the same every run.</summary>
    private static int[] Order(IReadOnlyList<SoakRequest> mix)
    {
        var order = mix.SelectMany((r, i) => Enumerable.Repeat(i, r.Share)).ToArray();
        new Random(42).Shuffle(order);
        return order;
    }
}
