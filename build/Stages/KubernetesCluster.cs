using System.Net;
using System.Net.Sockets;
using k8s;
using k8s.Autorest;
using k8s.Exceptions;
using k8s.Models;
using ModelPipeline.Targets;

namespace ModelPipeline.Build;

/// <summary>
/// One Kubernetes cluster as the kubeconfig names it (--kubeconfig / KUBECONFIG, else ~/.kube/config; its current context):
/// server-side apply of the generated objects, reads, deletes. Mistakes of the user's setup (no kubeconfig, refused
/// credentials) become one-line <see cref="InputMistakeException"/>s, an unreachable API server a <see cref="ClusterUnreachableException"/>.
/// </summary>
internal sealed class KubernetesCluster : IDisposable
{
    /// <summary>The field manager every apply runs under.</summary>
    public const string FieldManager = "modelpipeline";

    private readonly Kubernetes client;

    private KubernetesCluster(Kubernetes client, string server, string @namespace, string kubeconfig)
    {
        this.client = client;
        Server = server;
        Namespace = @namespace;
        Kubeconfig = kubeconfig;
    }

    public string Server { get; }

    public string Namespace { get; }

    public string Kubeconfig { get; }

    /// <summary>Connects through <paramref name="kubeconfig"/> (null: ~/.kube/config); a missing or unreadable file is a one-line mistake.</summary>
    public static KubernetesCluster Connect(string? kubeconfig)
    {
        var path = string.IsNullOrEmpty(kubeconfig) ? KubernetesClientConfiguration.KubeConfigDefaultLocation : kubeconfig;
        if (!File.Exists(path))
        {
            throw new InputMistakeException($"no kubeconfig at {path}: set KUBECONFIG (or --kubeconfig) to the cluster's kubeconfig file; nothing was deployed");
        }

        KubernetesClientConfiguration config;
        try
        {
            config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
        }
        catch (KubeConfigException e)
        {
            throw new InputMistakeException($"kubeconfig {path} cannot be used: {e.Message}; nothing was deployed");
        }

        return new KubernetesCluster(new Kubernetes(config), config.Host.TrimEnd('/'), config.Namespace ?? "default", path);
    }

    /// <summary>The Deployment as the server has it, or null when there is none.</summary>
    public Task<V1Deployment?> ReadDeploymentAsync(string name, CancellationToken cancel = default) =>
        Call(async () =>
        {
            try
            {
                return await client.AppsV1.ReadNamespacedDeploymentAsync(name, Namespace, cancellationToken: cancel);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        });

    /// <summary>Server-side apply (PATCH application/apply-patch+yaml, fieldManager=modelpipeline, force=true) of one object.</summary>
    public Task ApplyAsync(IKubernetesObject item, CancellationToken cancel = default)
    {
        var meta = ((IMetadata<V1ObjectMeta>)item).Metadata;
        var name = meta.Name;
        var patch = new V1Patch(KubernetesJson.Serialize(item), V1Patch.PatchType.ApplyPatch);
        return Call<object>(async () => item switch
        {
            V1Deployment => await client.AppsV1.PatchNamespacedDeploymentAsync(patch, name, Namespace, fieldManager: FieldManager, force: true, cancellationToken: cancel),
            V1Service => await client.CoreV1.PatchNamespacedServiceAsync(patch, name, Namespace, fieldManager: FieldManager, force: true, cancellationToken: cancel),
            V2HorizontalPodAutoscaler => await client.AutoscalingV2.PatchNamespacedHorizontalPodAutoscalerAsync(patch, name, Namespace, fieldManager: FieldManager, force: true, cancellationToken: cancel),
            V1PodDisruptionBudget => await client.PolicyV1.PatchNamespacedPodDisruptionBudgetAsync(patch, name, Namespace, fieldManager: FieldManager, force: true, cancellationToken: cancel),
            _ => throw new ArgumentException($"cannot apply a {item.Kind}", nameof(item)),
        });
    }

    /// <summary>Deletes what a failed first deploy created (a missing object is fine).</summary>
    public Task DeleteAsync(IKubernetesObject item, CancellationToken cancel = default)
    {
        var name = ((IMetadata<V1ObjectMeta>)item).Metadata.Name;
        return Call<object?>(async () =>
        {
            try
            {
                return item switch
                {
                    V1Deployment => await client.AppsV1.DeleteNamespacedDeploymentAsync(name, Namespace, cancellationToken: cancel),
                    V1Service => await client.CoreV1.DeleteNamespacedServiceAsync(name, Namespace, cancellationToken: cancel),
                    V2HorizontalPodAutoscaler => await client.AutoscalingV2.DeleteNamespacedHorizontalPodAutoscalerAsync(name, Namespace, cancellationToken: cancel),
                    V1PodDisruptionBudget => await client.PolicyV1.DeleteNamespacedPodDisruptionBudgetAsync(name, Namespace, cancellationToken: cancel),
                    _ => null,
                };
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        });
    }

    public void Dispose() => client.Dispose();

    /// <summary>
    /// Runs one call, again (up to <see cref="TransientAttempts"/> in all, 0.2 s then 0.4 s later) when the connection failed
    /// in a way a new one cures: the server closed a kept-alive connection (the response ended) or reset it. Every call
    /// here may be repeated: GET, server-side apply (the same object applied twice is one change) and DELETE (404 is fine).
    /// </summary>
    private async Task<T> Call<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new InputMistakeException(
                    $"the Kubernetes API server at {Server} refused the credentials of {Kubeconfig} ({(int)e.Response.StatusCode} {e.Response.StatusCode}): " +
                    "renew them or point KUBECONFIG at a kubeconfig allowed to apply Deployments, Services, HPAs and PodDisruptionBudgets in namespace " + Namespace);
            }
            catch (Exception e) when (IsConnectionFailure(e) && IsTransient(e) && attempt < TransientAttempts)
            {
                await Task.Delay(TransientBackoff * attempt);
            }
            catch (Exception e) when (IsConnectionFailure(e))
            {
                throw new ClusterUnreachableException(Server, Kubeconfig, e.GetBaseException().Message);
            }
        }
    }

    /// <summary>Attempts at one call while its connection is closed or reset under it.</summary>
    public const int TransientAttempts = 3;

    private static readonly TimeSpan TransientBackoff = TimeSpan.FromMilliseconds(200);

    /// <summary>No HTTP answer came (refused, reset, closed, name or route failure), or the answer's body was cut short.</summary>
    private static bool IsConnectionFailure(Exception e) => e is HttpRequestException { StatusCode: null } or HttpIOException;

    private static bool IsTransient(Exception e) =>
        e is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } or HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded }
        || e.GetBaseException() is SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted }
        || e.GetBaseException() is HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded };
}
