using System.Diagnostics;
using ModelPipeline.Containers.Engine;

namespace ModelPipeline.Testing;

/// <summary>
/// What the tests push to and build, kept apart from the user's: an OCI registry of their own (Debian's docker-registry,
/// installed by scripts/start-services.sh) on a free loopback port with its storage in a temp folder, and a namespace
/// of their own for the images they build. <see cref="DisposeAsync"/> removes every engine tag that names this
/// registry or this namespace, stops the registry and deletes its storage; a watchdog does the last two if the test
/// process dies first. Linked into the test projects that build or push images.
/// </summary>
internal sealed class TestRegistry : IAsyncDisposable
{
    private const string Program = "/usr/bin/docker-registry";

    private readonly Process _watchdog;
    private readonly string _storage;

    private TestRegistry(Process watchdog, string storage, string address)
    {
        _watchdog = watchdog;
        _storage = storage;
        Address = address;
    }

    /// <summary>host:port of the registry, e.g. 127.0.0.1:41234.</summary>
    public string Address { get; }

    /// <summary>The first path segment of every image name the tests build, unique to this test process.</summary>
    public string Namespace { get; } = "modelpipeline-tests-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Starts a registry; fails with the reason when docker-registry is missing or does not answer.</summary>
    public static async Task<TestRegistry> StartAsync()
    {
        if (!File.Exists(Program))
        {
            throw new InvalidOperationException($"{Program} is missing: run scripts/start-services.sh as root (it installs Debian's docker-registry)");
        }

        var storage = Directory.CreateTempSubdirectory("mp-test-registry-").FullName;
        var address = $"127.0.0.1:{LoopbackPort.Free()}";
        var config = Path.Combine(storage, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: error
            storage:
              filesystem:
                rootdirectory: {Path.Combine(storage, "data")}
              delete:
                enabled: true
            http:
              addr: {address}
            """);

        // The registry lives only as long as this process; its storage goes with it.
        var start = new ProcessStartInfo("bash");
        foreach (var argument in new[]
        {
            "-c", """
                  "$1" serve "$2" >"$3/registry.log" 2>&1 & registry=$!
                  while kill -0 "$4" 2>/dev/null && kill -0 "$registry" 2>/dev/null; do sleep 1; done
                  kill "$registry" 2>/dev/null; wait "$registry" 2>/dev/null; rm -rf "$3"
                  """,
            "test-registry", Program, config, storage, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var registry = new TestRegistry(Process.Start(start)!, storage, address);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var response = await http.GetAsync($"http://{address}/v2/");
                if (response.IsSuccessStatusCode)
                {
                    return registry;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        var log = Path.Combine(storage, "registry.log");
        var reason = File.Exists(log) ? await File.ReadAllTextAsync(log) : "no log";
        await registry.DisposeAsync();
        throw new InvalidOperationException($"the tests' registry did not answer at http://{address}/v2/: {reason}");
    }

    /// <summary>Whether an engine tag (name:tag) is one the tests made: on this registry, or in this namespace.</summary>
    public bool Owns(string tag)
    {
        var slash = tag.IndexOf('/', StringComparison.Ordinal);
        var host = slash > 0 ? tag[..slash] : "";
        var path = host.Contains(':', StringComparison.Ordinal) || host.Contains('.', StringComparison.Ordinal) ? tag[(slash + 1)..] : tag;
        return host == Address || path.StartsWith(Namespace + "/", StringComparison.Ordinal);
    }

    /// <summary>Removes the engine's tags this registry or namespace owns (an image goes with its last tag).</summary>
    public async Task RemoveImagesAsync(DockerEngineClient engine)
    {
        foreach (var tag in (await engine.ListImageTagsAsync()).Where(Owns))
        {
            await engine.RemoveImageAsync(tag);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_watchdog.HasExited)
        {
            _watchdog.Kill(entireProcessTree: true);
            await _watchdog.WaitForExitAsync();
        }

        _watchdog.Dispose();
        if (Directory.Exists(_storage))
        {
            Directory.Delete(_storage, recursive: true);
        }
    }
}
