using System.Diagnostics;
using k8s;
using k8s.Models;
using ModelPipeline.Targets;

namespace ModelPipeline.Build;

/// <summary>
/// Applies one pipeline's objects to a cluster and follows the Deployment's rollout as kubectl rollout status does
/// (metadata.generation vs status.observedGeneration, updated, available and total replicas, the Progressing condition's
/// ProgressDeadlineExceeded). On a failed or timed-out rollout, or when the API server cannot be reached any more in the
/// middle of it, it undoes the apply: the Deployment recorded before it is applied again (or, on a first deploy, what was
/// created is deleted), trying a few times with a short backoff while the server cannot be reached; then the deploy fails
/// with one line, which says what the cluster may be running when the undo could not reach it either.
/// </summary>
internal sealed class KubernetesRollout(KubernetesCluster cluster, BuildLog log, TimeSpan timeout, TimeSpan poll)
{
    /// <summary>What the rollout replaced (the previous image, or null on a first deploy) and how long it took.</summary>
    public sealed record Outcome(string? PreviousImage, TimeSpan Took);

    /// <summary>Attempts at the undo while the API server cannot be reached, and the wait before the second (doubling after).</summary>
    public int UndoAttempts { get; init; } = 4;

    public TimeSpan UndoBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <param name="reached">Runs once the cluster answered the first read, before anything is applied.</param>
    public async Task<Outcome> RunAsync(IReadOnlyList<IKubernetesObject> objects, Action? reached = null, CancellationToken cancel = default)
    {
        var deployment = objects.OfType<V1Deployment>().Single();
        var name = deployment.Metadata.Name;
        var previous = await cluster.ReadDeploymentAsync(name, cancel);
        var previousImage = previous?.Spec.Template.Spec.Containers.FirstOrDefault()?.Image;
        reached?.Invoke();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var doing = "";
        string? failure;
        try
        {
            foreach (var item in objects)
            {
                (sent, doing) = (sent + 1, $"applying its {item.Kind}");
                await cluster.ApplyAsync(item, cancel);
            }

            log.Information($"Applied {Kinds(objects)} {name} to {cluster.Server} (namespace {cluster.Namespace}, server-side apply as {KubernetesCluster.FieldManager})");
            doing = "following its rollout";
            failure = await FollowAsync(name, deployment.Spec.Replicas ?? 1, cancel);
        }
        catch (ClusterUnreachableException e)
        {
            failure = $"lost the Kubernetes API server at {cluster.Server} while {doing} ({e.Reason})";
        }

        if (failure is null)
        {
            return new Outcome(previousImage, clock.Elapsed);
        }

        var image = deployment.Spec.Template.Spec.Containers[0].Image;
        if (previous is null)
        {
            var created = objects.Take(sent).ToArray();
            await UndoAsync(async () =>
            {
                foreach (var item in created.Reverse())
                {
                    await cluster.DeleteAsync(item, cancel);
                }
            }, $"deployment/{name} did not roll out: {failure}", $"it may hold what this deploy created ({Kinds(created)}) with {image} partly rolled out; " +
               $"remove it with kubectl -n {cluster.Namespace} delete {string.Join(' ', created.Select(Reference))}", cancel);
            throw new RolloutFailedException($"deployment/{name} did not roll out: {failure}; removed what this deploy created, nothing serves it");
        }

        await UndoAsync(() => cluster.ApplyAsync(Restorable(previous), cancel), $"deployment/{name} did not roll out: {failure}",
            $"deployment/{name} may run {image}, still {previousImage}, or both (a partial rollout); " +
            $"see kubectl -n {cluster.Namespace} rollout status deployment/{name}, undo with kubectl -n {cluster.Namespace} rollout undo deployment/{name}", cancel);
        throw new RolloutFailedException($"deployment/{name} did not roll out: {failure}; undone: its previous spec ({previousImage}) applied again");
    }

    /// <summary>
    /// Runs <paramref name="undo"/>, again after 0.5 s, 1 s, 2 s... while the API server cannot be reached; when it never
    /// could, fails with <paramref name="what"/>, the reason and <paramref name="state"/> (what the cluster may be running) in one line.
    /// </summary>
    private async Task UndoAsync(Func<Task> undo, string what, string state, CancellationToken cancel)
    {
        var wait = UndoBackoff;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await undo();
                return;
            }
            catch (ClusterUnreachableException e) when (attempt < UndoAttempts)
            {
                log.Warning($"undo: cannot reach {cluster.Server} ({e.Reason}); attempt {attempt + 1} of {UndoAttempts} in {wait.TotalSeconds:0.#} s");
                await Task.Delay(wait, cancel);
                wait *= 2;
            }
            catch (ClusterUnreachableException e)
            {
                throw new RolloutFailedException($"{what}; NOT undone: {cluster.Server} could not be reached in {UndoAttempts} attempts ({e.Reason}): {state}");
            }
        }
    }

    private static string Kinds(IEnumerable<IKubernetesObject> objects) => string.Join(", ", objects.Select(o => o.Kind));

    private static string Reference(IKubernetesObject item) =>
        $"{item.Kind.ToLowerInvariant()}/{((IMetadata<V1ObjectMeta>)item).Metadata.Name}";

    /// <summary>Null once every replica is updated and available; else why not (deadline exceeded, timeout).</summary>
    private async Task<string?> FollowAsync(string name, int desired, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        using var bar = log.Progress($"rollout deployment/{name}", desired);
        var last = "not observed yet";
        while (true)
        {
            var current = await cluster.ReadDeploymentAsync(name, cancel)
                ?? throw new RolloutFailedException($"deployment/{name} disappeared from {cluster.Server} during its rollout");
            var status = current.Status ?? new V1DeploymentStatus();
            var progressing = status.Conditions?.FirstOrDefault(c => c.Type == "Progressing");
            if (progressing?.Reason == "ProgressDeadlineExceeded")
            {
                return $"ProgressDeadlineExceeded ({progressing.Message ?? "no message"}); {status.AvailableReplicas ?? 0} of {desired} replicas available";
            }

            var (updated, available, total) = (status.UpdatedReplicas ?? 0, status.AvailableReplicas ?? 0, status.Replicas ?? 0);
            bar.Report(Math.Min(updated, available), $"{updated} updated, {available} available of {desired}");
            if ((status.ObservedGeneration ?? 0) < (current.Metadata.Generation ?? 0))
            {
                last = "the controller has not observed the new spec";
            }
            else if (updated < desired)
            {
                last = $"{updated} of {desired} replicas updated";
            }
            else if (total > updated)
            {
                last = $"{total - updated} old replicas pending termination";
            }
            else if (available < updated)
            {
                last = $"{available} of {updated} updated replicas available (readiness GET /ping)";
            }
            else
            {
                return null;
            }

            if (clock.Elapsed >= timeout)
            {
                return $"timed out after {timeout.TotalSeconds:F0} s (--rollout-timeout): {last}";
            }

            await Task.Delay(poll, cancel);
        }
    }

    /// <summary>The previous Deployment as an apply configuration: its name, labels and spec, none of the server's fields.</summary>
    private static V1Deployment Restorable(V1Deployment previous) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = new V1ObjectMeta
        {
            Name = previous.Metadata.Name,
            Labels = previous.Metadata.Labels,
            Annotations = previous.Metadata.Annotations?.Where(a => !a.Key.StartsWith("deployment.kubernetes.io/", StringComparison.Ordinal))
                .ToDictionary(a => a.Key, a => a.Value),
        },
        Spec = previous.Spec,
    };
}
