using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ModelPipeline.Containers.Registry;

/// <summary>
/// The OCI Distribution HTTP API for one registry: blob HEAD/upload (POST then monolithic PUT), cross-repository mount,
/// manifest PUT/GET. Plain HTTP for loopback hosts and those in MODELPIPELINE_INSECURE_REGISTRIES (comma-separated),
/// HTTPS otherwise. Answers Basic and Bearer (token service) challenges with the given credentials.
/// </summary>
public sealed class OciRegistryClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly RegistryCredentials? _credentials;
    private AuthenticationHeaderValue? _authorization;

    public OciRegistryClient(string registry, RegistryCredentials? credentials = null, HttpMessageHandler? handler = null)
    {
        Registry = registry;
        _credentials = credentials;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) }, disposeHandler: true)
        {
            BaseAddress = new Uri($"{(IsInsecure(registry) ? "http" : "https")}://{registry}/"),
            Timeout = TimeSpan.FromMinutes(10),
        };
    }

    public string Registry { get; }

    /// <summary>Loopback registries and the ones listed in MODELPIPELINE_INSECURE_REGISTRIES or DOTNET_CONTAINER_INSECURE_REGISTRIES speak plain HTTP.</summary>
    public static bool IsInsecure(string registry)
    {
        var host = registry.StartsWith('[') ? registry[1..registry.IndexOf(']', StringComparison.Ordinal)] : registry.Split(':')[0];
        if (host == "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address)))
        {
            return true;
        }

        var listed = $"{Environment.GetEnvironmentVariable("MODELPIPELINE_INSECURE_REGISTRIES")},{Environment.GetEnvironmentVariable("DOTNET_CONTAINER_INSECURE_REGISTRIES")}";
        return listed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(registry, StringComparer.OrdinalIgnoreCase);
    }

    public async Task<bool> BlobExistsAsync(string repository, string digest, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Head, $"v2/{repository}/blobs/{digest}"), repository, cancellationToken);
        return response.StatusCode == HttpStatusCode.OK ? true
            : response.StatusCode == HttpStatusCode.NotFound ? false
            : throw await StatusErrorAsync(response, $"HEAD blob {digest[..Math.Min(19, digest.Length)]} in {repository}", cancellationToken);
    }

    /// <summary>Asks the registry to link a blob from another repository; false when it wants an upload instead.</summary>
    public async Task<bool> TryMountBlobAsync(string repository, string digest, string fromRepository, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post,
            $"v2/{repository}/blobs/uploads/?mount={Uri.EscapeDataString(digest)}&from={Uri.EscapeDataString(fromRepository)}"), repository, cancellationToken);
        return response.StatusCode == HttpStatusCode.Created;
    }

    /// <summary>Uploads a blob in one PUT; <paramref name="open"/> is called once per attempt.</summary>
    public async Task UploadBlobAsync(string repository, string digest, Func<Stream> open, CancellationToken cancellationToken = default)
    {
        using var start = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"v2/{repository}/blobs/uploads/"), repository, cancellationToken);
        if (start.StatusCode != HttpStatusCode.Accepted || start.Headers.Location is null)
        {
            throw await StatusErrorAsync(start, $"start upload of {digest} to {repository}", cancellationToken);
        }

        var location = start.Headers.Location.IsAbsoluteUri ? start.Headers.Location : new Uri(_http.BaseAddress!, start.Headers.Location);
        var target = location + (location.Query.Length > 0 ? "&" : "?") + "digest=" + Uri.EscapeDataString(digest);
        await using var body = open();
        using var put = new HttpRequestMessage(HttpMethod.Put, target) { Content = new StreamContent(body) };
        put.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        put.Content.Headers.ContentLength = body.Length;
        put.Headers.Authorization = _authorization;
        using var done = await _http.SendAsync(put, cancellationToken);
        if (done.StatusCode != HttpStatusCode.Created)
        {
            throw await StatusErrorAsync(done, $"upload of {digest} to {repository}", cancellationToken);
        }
    }

    /// <summary>PUTs a manifest under a tag or digest; returns its digest (Docker-Content-Digest, else computed).</summary>
    public async Task<string> PutManifestAsync(string repository, string reference, byte[] manifest, string mediaType, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"v2/{repository}/manifests/{reference}") { Content = new ByteArrayContent(manifest) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return request;
        }, repository, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw await StatusErrorAsync(response, $"PUT manifest {repository}:{reference}", cancellationToken);
        }

        return response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.First() : Digest(manifest);
    }

    /// <summary>GET a manifest (OCI and Docker v2 accepted): its bytes, media type and digest. Null when it does not exist.</summary>
    public async Task<RegistryManifest?> GetManifestAsync(string repository, string reference, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"v2/{repository}/manifests/{reference}");
            foreach (var type in OciMediaTypes.ManifestAccept)
            {
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
            }

            return request;
        }, repository, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw await StatusErrorAsync(response, $"GET manifest {repository}:{reference}", cancellationToken);
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var digest = response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.First() : Digest(bytes);
        return new RegistryManifest(bytes, response.Content.Headers.ContentType?.MediaType ?? "", digest);
    }

    /// <summary>Streams a blob's bytes into <paramref name="destination"/>.</summary>
    public async Task DownloadBlobAsync(string repository, string digest, Stream destination, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"v2/{repository}/blobs/{digest}"), repository, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await StatusErrorAsync(response, $"GET blob {digest} from {repository}", cancellationToken);
        }

        await response.Content.CopyToAsync(destination, cancellationToken);
    }

    public static string Digest(ReadOnlySpan<byte> bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, string repository, CancellationToken cancellationToken)
    {
        var request = create();
        request.Headers.Authorization = _authorization;
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        request.Dispose();
        if (response.StatusCode != HttpStatusCode.Unauthorized || response.Headers.WwwAuthenticate.Count == 0)
        {
            return response;
        }

        var challenge = response.Headers.WwwAuthenticate.First();
        response.Dispose();
        _authorization = await AuthorizeAsync(challenge, repository, cancellationToken);
        request = create();
        request.Headers.Authorization = _authorization;
        response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        request.Dispose();
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            throw new RegistryStatusException(401, _credentials is null
                ? $"registry {Registry} requires a login: set REGISTRY_USERNAME/REGISTRY_PASSWORD (or GITHUB_TOKEN for ghcr.io)"
                : $"registry {Registry} rejected the credentials of user {_credentials.Username}");
        }

        return response;
    }

    private async Task<AuthenticationHeaderValue> AuthorizeAsync(AuthenticationHeaderValue challenge, string repository, CancellationToken cancellationToken)
    {
        var basic = _credentials is null ? null
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_credentials.Username}:{_credentials.Password}")));
        if (challenge.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return basic ?? throw new RegistryStatusException(401, $"registry {Registry} requires a login: set REGISTRY_USERNAME/REGISTRY_PASSWORD");
        }

        var parameters = ChallengeParameters(challenge.Parameter ?? "");
        if (!parameters.TryGetValue("realm", out var realm))
        {
            throw new RegistryStatusException(401, $"registry {Registry} sent a {challenge.Scheme} challenge without a realm");
        }

        var query = new StringBuilder(realm).Append(realm.Contains('?', StringComparison.Ordinal) ? '&' : '?');
        if (parameters.TryGetValue("service", out var service))
        {
            query.Append("service=").Append(Uri.EscapeDataString(service)).Append('&');
        }

        query.Append("scope=").Append(Uri.EscapeDataString(parameters.GetValueOrDefault("scope") ?? $"repository:{repository}:pull,push"));
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Get, query.ToString());
        tokenRequest.Headers.Authorization = basic;
        using var tokenResponse = await _http.SendAsync(tokenRequest, cancellationToken);
        if (!tokenResponse.IsSuccessStatusCode)
        {
            throw new RegistryStatusException((int)tokenResponse.StatusCode,
                $"token service {realm} refused a token for {repository} ({(int)tokenResponse.StatusCode}){(_credentials is null ? ": set REGISTRY_USERNAME/REGISTRY_PASSWORD (or GITHUB_TOKEN for ghcr.io)" : "")}");
        }

        var json = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync(cancellationToken));
        var token = json?["token"]?.GetValue<string>() ?? json?["access_token"]?.GetValue<string>()
            ?? throw new RegistryStatusException(401, $"token service {realm} answered without a token");
        return new AuthenticationHeaderValue("Bearer", token);
    }

    internal static Dictionary<string, string> ChallengeParameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            var eq = text.IndexOf('=', i);
            if (eq < 0)
            {
                break;
            }

            var key = text[i..eq].Trim().TrimStart(',').Trim();
            string value;
            if (eq + 1 < text.Length && text[eq + 1] == '"')
            {
                var close = text.IndexOf('"', eq + 2);
                close = close < 0 ? text.Length : close;
                value = text[(eq + 2)..close];
                i = close + 1;
            }
            else
            {
                var comma = text.IndexOf(',', eq);
                comma = comma < 0 ? text.Length : comma;
                value = text[(eq + 1)..comma].Trim();
                i = comma;
            }

            result[key] = value;
            while (i < text.Length && (text[i] == ',' || text[i] == ' '))
            {
                i++;
            }
        }

        return result;
    }

    private async Task<RegistryStatusException> StatusErrorAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var body = response.RequestMessage?.Method == HttpMethod.Head ? "" : await response.Content.ReadAsStringAsync(cancellationToken);
        var detail = body.Length > 200 ? body[..200] : body;
        return new RegistryStatusException((int)response.StatusCode,
            $"registry {Registry}: {what} answered {(int)response.StatusCode} {response.ReasonPhrase}{(detail.Length > 0 ? ": " + detail.Trim() : "")}");
    }
}
