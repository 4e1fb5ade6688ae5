using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ModelPipeline.GitHub.Tests;

/// <summary>
/// A loopback GitHub (HttpListener on 127.0.0.1, also reachable as <c>localhost</c>, another host name for a redirect):
/// answers from a queue of canned responses per "METHOD path-prefix" and records every request it received (method,
/// path with query, headers, body). Like GitHub Enterprise it serves the REST API under <c>/api/v3/</c>, where Octokit
/// sends it for any host but github.com; routes and recorded paths are API paths without that prefix
/// (<see cref="RecordedRequest.ServedPath"/> keeps the path as requested).
/// </summary>
internal sealed class FakeGitHub : IDisposable
{
    readonly HttpListener _listener = new();
    readonly List<(string Key, Queue<FakeResponse> Responses)> _routes = [];
    readonly Task _loop;

    public FakeGitHub()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        OtherHostUrl = $"http://localhost:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Prefixes.Add(OtherHostUrl);
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    /// <summary>The host's root (GITHUB_API_URL as a GitHub Enterprise server would give it, without <c>/api/v3</c>).</summary>
    public string BaseUrl { get; }

    /// <summary>The same server under the host name <c>localhost</c>: a different host from <see cref="BaseUrl"/>'s.</summary>
    public string OtherHostUrl { get; }

    /// <summary>The prefix GitHub Enterprise serves its REST API under.</summary>
    public const string EnterpriseApiPrefix = "/api/v3";

    public List<RecordedRequest> Requests { get; } = [];

    public FakeGitHub On(string method, string pathPrefix, int status, string body = "", params (string Name, string Value)[] headers) =>
        Enqueue(method, pathPrefix, new FakeResponse(status, Encoding.UTF8.GetBytes(body.Replace("https://uploads.github.com/", BaseUrl, StringComparison.Ordinal)), "application/json; charset=utf-8", headers));

    /// <summary>Answers with raw bytes (an asset's content on the storage host).</summary>
    public FakeGitHub OnBytes(string method, string pathPrefix, byte[] body) =>
        Enqueue(method, pathPrefix, new FakeResponse(200, body, "application/octet-stream", []));

    FakeGitHub Enqueue(string method, string pathPrefix, FakeResponse response)
    {
        var key = $"{method} {pathPrefix}";
        var route = _routes.FirstOrDefault(r => r.Key == key);
        if (route.Responses is null)
        {
            route = (key, new Queue<FakeResponse>());
            _routes.Add(route);
        }

        route.Responses.Enqueue(response);
        return this;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var served = context.Request.RawUrl ?? "";
            var path = served.StartsWith(EnterpriseApiPrefix + "/", StringComparison.Ordinal) ? served[EnterpriseApiPrefix.Length..] : served;
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k.ToLowerInvariant(), k => context.Request.Headers[k] ?? "");
            lock (Requests)
            {
                Requests.Add(new RecordedRequest(context.Request.HttpMethod, path, headers, body, served));
            }

            var route = _routes.Where(r => r.Key.Split(' ', 2) is [var m, var p] && m == context.Request.HttpMethod && path.StartsWith(p, StringComparison.Ordinal))
                .OrderByDescending(r => r.Key.Length).FirstOrDefault();
            var response = route.Responses is { Count: > 0 } queue
                ? (queue.Count > 1 ? queue.Dequeue() : queue.Peek())
                : new FakeResponse(404, """{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}"""u8.ToArray(), "application/json; charset=utf-8", []);
            context.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers)
            {
                context.Response.Headers[name] = value;
            }

            var bytes = response.Body;
            context.Response.ContentType = response.ContentType;
            if (response.Status != 204)
            {
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
    }

    sealed record FakeResponse(int Status, byte[] Body, string ContentType, (string Name, string Value)[] Headers);
}

internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, string ServedPath);
