using System.Diagnostics;
using System.Net.Sockets;
using Docker.DotNet.Models;
using ModelPipeline.Containers.Engine;
using ModelPipeline.Containers.Images;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ModelPipeline.Containers.Registry;

/// <summary>
/// Pushes a built image under one or more tags, retrying transient failures (5xx, timeouts, connection refused) with
/// exponential backoff, then reads each tag's manifest back from the registry and checks it has the pushed digest.
/// Engine-built images go through the engine (tag + push); OCI layouts through the Distribution API, no engine needed.
/// </summary>
public sealed class ImagePusher(DockerEngineClient? engine = null, RegistryRetryOptions? retry = null, Action<string>? log = null)
{
    private readonly RegistryRetryOptions _retry = retry ?? RegistryRetryOptions.Default;

    /// <param name="image">From <see cref="IImageBuilder.BuildAsync"/>.</param>
    /// <param name="registry">host[:port], e.g. 127.0.0.1:5000 or ghcr.io.</param>
    /// <param name="repository">e.g. modelpipeline/churn.</param>
    /// <param name="tags">e.g. ["1.4.0", "latest"].</param>
    /// <param name="credentials">Null: <see cref="RegistryCredentials.FromEnvironment"/>.</param>
    public async Task<PushResult> PushAsync(BuiltImage image, string registry, string repository, IReadOnlyList<string> tags,
        RegistryCredentials? credentials = null, CancellationToken cancellationToken = default)
    {
        if (tags.Count == 0)
        {
            throw new ArgumentException("at least one tag is needed to push an image", nameof(tags));
        }

        var clock = Stopwatch.StartNew();
        credentials ??= RegistryCredentials.FromEnvironment(registry);
        using var client = new OciRegistryClient(registry, credentials);
        var digest = image.InEngine
            ? await PushThroughEngineAsync(image, registry, repository, tags, credentials, cancellationToken)
            : await PushLayoutAsync(new OciLayout(image.LayoutDirectory!), client, registry, repository, tags, cancellationToken);

        foreach (var tag in tags)
        {
            var readBack = await RetryAsync(registry, ct => client.GetManifestAsync(repository, tag, ct), cancellationToken);
            if (readBack is null)
            {
                throw new ImagePushException($"registry {registry} has no manifest for {repository}:{tag} after the push");
            }

            if (readBack.Digest != digest)
            {
                throw new ImagePushException($"registry {registry} serves {repository}:{tag} as {readBack.Digest}, not the pushed {digest}");
            }
        }

        log?.Invoke($"pushed {registry}/{repository}@{digest} as {string.Join(", ", tags)}");
        var references = tags.Select(t => new ImageReference(registry, repository, t, digest)).ToList();
        return new PushResult(digest, tags, references, clock.Elapsed);
    }

    private async Task<string> PushThroughEngineAsync(BuiltImage image, string registry, string repository, IReadOnlyList<string> tags,
        RegistryCredentials? credentials, CancellationToken cancellationToken)
    {
        if (engine is null)
        {
            throw new ImagePushException($"{image.Reference} lives in a Docker engine: give ImagePusher a DockerEngineClient to push it");
        }

        var auth = new AuthConfig { Username = credentials?.Username ?? "", Password = credentials?.Password ?? "", ServerAddress = registry };
        string? digest = null;
        foreach (var tag in tags)
        {
            await engine.TagAsync(image.ImageId, $"{registry}/{repository}", tag, cancellationToken);
            var pushed = await RetryAsync(registry, ct => engine.PushAsync($"{registry}/{repository}", tag, auth, ct), cancellationToken);
            if (digest is not null && pushed != digest)
            {
                throw new ImagePushException($"tags of one image were pushed with different digests ({digest}, {pushed})");
            }

            digest = pushed;
        }

        return digest!;
    }

    private async Task<string> PushLayoutAsync(OciLayout layout, OciRegistryClient client, string registry, string repository,
        IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        var (digest, manifest) = layout.ReadManifest();
        foreach (var (blob, size) in OciLayout.Blobs(manifest))
        {
            var exists = await RetryAsync(registry, ct => client.BlobExistsAsync(repository, blob, ct), cancellationToken);
            if (exists)
            {
                continue;
            }

            log?.Invoke($"uploading {blob[..19]} ({size / 1e6:0.0} MB)");
            await RetryAsync(registry, async ct =>
            {
                await client.UploadBlobAsync(repository, blob, () => File.OpenRead(layout.BlobPath(blob)), ct);
                return true;
            }, cancellationToken);
        }

        foreach (var tag in tags)
        {
            var put = await RetryAsync(registry, ct => client.PutManifestAsync(repository, tag, manifest, OciMediaTypes.Manifest, ct), cancellationToken);
            if (put != digest)
            {
                throw new ImagePushException($"registry {registry} stored {repository}:{tag} as {put}, expected {digest}");
            }
        }

        return digest;
    }

    /// <summary>Runs one registry operation with retries; turns the last failure into an <see cref="ImagePushException"/>.</summary>
    private async Task<T> RetryAsync<T>(string registry, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var pipeline = new ResiliencePipelineBuilder<T>()
            .AddRetry(new RetryStrategyOptions<T>
            {
                ShouldHandle = new PredicateBuilder<T>().Handle<Exception>(IsTransient),
                MaxRetryAttempts = Math.Max(0, _retry.MaxAttempts - 1),
                Delay = TimeSpan.FromSeconds(_retry.BaseDelaySeconds),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                OnRetry = args =>
                {
                    log?.Invoke($"registry {registry}: {Describe(args.Outcome.Exception)}; retrying in {args.RetryDelay.TotalSeconds:0.#} s");
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(TimeSpan.FromSeconds(_retry.AttemptTimeoutSeconds))
            .Build();
        try
        {
            return await pipeline.ExecuteAsync(async ct =>
            {
                attempts++;
                return await operation(ct);
            }, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or RegistryStatusException or ContainerEngineException or TimeoutRejectedException)
        {
            var tries = attempts == 1 ? "1 try" : $"{attempts} tries";
            var reason = Describe(e);
            throw new ImagePushException(IsUnreachable(e)
                ? $"registry {registry} unreachable: {reason} (after {tries})"
                : $"push to registry {registry} failed: {reason} (after {tries})", e);
        }
    }

    internal static bool IsTransient(Exception e) => e switch
    {
        TimeoutRejectedException => true,
        RegistryStatusException status => status.IsTransient,
        HttpRequestException => true,
        ContainerEngineException engineError => IsTransientEngineMessage(engineError.Message),
        _ => false,
    };

    /// <summary>The engine reports registry failures as text inside its push stream.</summary>
    internal static bool IsTransientEngineMessage(string message) =>
        new[] { "connection refused", "i/o timeout", "timeout", "unexpected HTTP status: 5", "status: 5", " 500 ", " 502 ", " 503 ", " 504 ", "EOF", "connection reset" }
            .Any(m => message.Contains(m, StringComparison.OrdinalIgnoreCase))
        && !message.Contains("unauthorized", StringComparison.OrdinalIgnoreCase);

    private static bool IsUnreachable(Exception e) =>
        e is HttpRequestException { InnerException: SocketException } or TimeoutRejectedException
        || (e is ContainerEngineException && e.Message.Contains("connection refused", StringComparison.OrdinalIgnoreCase));

    private static string Describe(Exception? e) => e switch
    {
        HttpRequestException { InnerException: SocketException socket } => socket.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused",
            SocketError.HostNotFound or SocketError.NoData => "host not found",
            SocketError.TimedOut => "connection timed out",
            _ => socket.Message,
        },
        TimeoutRejectedException => "timed out",
        ContainerEngineException engineError when engineError.Message.Contains("connection refused", StringComparison.OrdinalIgnoreCase) => "connection refused",
        null => "unknown error",
        _ => e.Message,
    };
}
