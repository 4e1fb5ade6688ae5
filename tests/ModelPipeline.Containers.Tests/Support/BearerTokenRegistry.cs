using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ModelPipeline.Containers.Tests.Support;

/// <summary>
/// The real registry behind Docker-registry token authentication, as ghcr.io and Docker Hub answer
/// (distribution/docs/spec/auth/token.md): a /v2/ request without a valid bearer token gets
/// <c>401</c> + <c>WWW-Authenticate: Bearer realm="http://host:port/token",service="fake-registry",scope="repository:NAME:pull,push"</c>
/// and an <c>UNAUTHORIZED</c> errors body; <c>GET /token?service=&amp;scope=</c> with HTTP Basic credentials answers
/// <c>{"token", "access_token", "expires_in", "issued_at"}</c>; requests carrying a token granted for their repository are
/// forwarded to the real registry. Records what the token endpoint was asked and what reached the registry.
/// </summary>
internal sealed class BearerTokenRegistry : IAsyncDisposable
{
    public const string Service = "fake-registry";

    private readonly WebApplication _app;
    private readonly HttpClient _upstream = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private readonly ConcurrentDictionary<string, string> _scopeOfToken = new(StringComparer.Ordinal);
    private readonly string _upstreamAddress;
    private readonly string _username;
    private readonly string _password;

    private BearerTokenRegistry(string upstreamAddress, string username, string password)
    {
        _upstreamAddress = upstreamAddress;
        _username = username;
        _password = password;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = null;
        });
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>host:port of the front (what a client pushes to).</summary>
    public string Address { get; private set; } = "";

    /// <summary>Each token request: the Basic user (or null), service and scope asked for, and whether a token was granted.</summary>
    public ConcurrentQueue<(string? User, string? Service, string? Scope, bool Granted)> TokenRequests { get; } = new();

    /// <summary>The Authorization scheme of every request forwarded to the registry (only "Bearer" is ever forwarded).</summary>
    public ConcurrentQueue<string> ForwardedSchemes { get; } = new();

    public int Challenges => _challenges;

    private int _challenges;

    public static async Task<BearerTokenRegistry> StartAsync(string upstreamAddress, string username, string password)
    {
        var registry = new BearerTokenRegistry(upstreamAddress, username, password);
        await registry._app.StartAsync();
        registry.Address = new Uri(registry._app.Urls.First()).Authority;
        return registry;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path == "/token")
        {
            await TokenAsync(context);
            return;
        }

        var repository = RepositoryOf(context.Request.Path.Value ?? "");
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        var wanted = repository is null ? null : $"repository:{repository}:pull,push";
        if (token is null || !_scopeOfToken.TryGetValue(token, out var granted) || (wanted is not null && granted != wanted))
        {
            Interlocked.Increment(ref _challenges);
            context.Response.StatusCode = 401;
            context.Response.Headers.WWWAuthenticate =
                $"Bearer realm=\"http://{Address}/token\",service=\"{Service}\"" + (wanted is null ? "" : $",scope=\"{wanted}\"");
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":null}]}""");
            return;
        }

        ForwardedSchemes.Enqueue("Bearer");
        await ForwardAsync(context);
    }

    private async Task TokenAsync(HttpContext context)
    {
        var service = context.Request.Query["service"].ToString();
        var scope = context.Request.Query["scope"].ToString();
        string? user = null;
        string? password = null;
        if (AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization.ToString(), out var basic)
            && basic.Scheme == "Basic" && basic.Parameter is { } encoded)
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            user = pair[..pair.IndexOf(':', StringComparison.Ordinal)];
            password = pair[(pair.IndexOf(':', StringComparison.Ordinal) + 1)..];
        }

        var ok = user == _username && password == _password && service == Service && scope.StartsWith("repository:", StringComparison.Ordinal);
        TokenRequests.Enqueue((user, service, scope, ok));
        context.Response.ContentType = "application/json";
        if (!ok)
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync("""{"errors":[{"code":"UNAUTHORIZED","message":"incorrect username or password","detail":null}]}""");
            return;
        }

        var token = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        _scopeOfToken[token] = scope;
        await context.Response.WriteAsync(new JsonObject
        {
            ["token"] = token,
            ["access_token"] = token,
            ["expires_in"] = 300,
            ["issued_at"] = DateTimeOffset.UtcNow.ToString("O"),
        }.ToJsonString());
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), $"http://{_upstreamAddress}{request.Path}{request.QueryString}");
        if (request.ContentLength > 0 || HttpMethods.IsPut(request.Method) || HttpMethods.IsPost(request.Method) || HttpMethods.IsPatch(request.Method))
        {
            forward.Content = new StreamContent(request.Body);
            if (request.ContentType is { } type)
            {
                forward.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            }

            forward.Content.Headers.ContentLength = request.ContentLength ?? 0;
        }

        foreach (var accept in request.Headers.Accept)
        {
            forward.Headers.TryAddWithoutValidation("Accept", accept);
        }

        // The registry writes upload Locations for the host it was asked as: keep clients talking to this front.
        forward.Headers.Host = request.Host.Value;
        using var response = await _upstream.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Content.CopyToAsync(context.Response.Body);
        }
    }

    /// <summary>"name/with/slashes" from /v2/NAME/(blobs|manifests|tags)/...; null for /v2/ itself.</summary>
    private static string? RepositoryOf(string path)
    {
        foreach (var marker in (string[])["/blobs/", "/manifests/", "/tags/"])
        {
            var at = path.IndexOf(marker, StringComparison.Ordinal);
            if (path.StartsWith("/v2/", StringComparison.Ordinal) && at > 4)
            {
                return path[4..at];
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
