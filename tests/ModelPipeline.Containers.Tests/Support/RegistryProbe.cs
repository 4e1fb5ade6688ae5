using System.Net;
using System.Net.Sockets;

namespace ModelPipeline.Containers.Tests.Support;

/// <summary>Reads a tag's digest straight from the registry (independently of the code under test) and finds unused ports.</summary>
internal static class RegistryProbe
{
    public static async Task<string> DigestAsync(string registry, string repository, string tag)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{registry}/v2/{repository}/manifests/{tag}");
        request.Headers.Accept.ParseAdd("application/vnd.oci.image.manifest.v1+json");
        request.Headers.Accept.ParseAdd("application/vnd.docker.distribution.manifest.v2+json");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Docker-Content-Digest").Single();
    }

    /// <summary>A loopback port nothing listens on (bound, then released).</summary>
    public static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string UniqueTag(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";
}
