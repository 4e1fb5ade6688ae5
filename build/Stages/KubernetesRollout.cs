using System.Diagnostics;
using k8s;
using k8s.Models;
using ModelPipeline.Targets;

namespace ModelPipeline.Build;

/// <summary>
/// Applies one pipeline's objects to a cluster and follows the Deployment's rollout as kubectl rollout status does
/// (metadata.generation vs status.observedGeneration, updated, available and total replicas, the Progressing condition's
/// ProgressDeadlineExceeded). On a failed or timed-out rollout it undoes the apply: the Deployment recorded before it is
/// applied again (or, on a first deploy, what was created is deleted), then the deploy fails with one line.
/// </summary>
internal sealed class KubernetesRollout(KubernetesCluster cluster, BuildLog log, TimeSpan timeout, TimeSpan poll)
{
    /// <summary>What the rollout replaced (the previous image, or null on a first deploy) and how long it took.</summary>
    public sealed record Outcome(string? PreviousImage, TimeSpan Took);

    public async Task<Outcome> RunAsync(IReadOnlyList<IKubernetesObject> objects, CancellationToken cancel = default)
    {
        var deployment = objects.OfType<V1Deployment>().Single();
        var name = deployment.Metadata.Name;
        var previous = await cluster.ReadDeploymentAsync(name, cancel);
        var previousImage = previous?.Spec.Template.Spec.Containers.FirstOrDefault()?.Image;
        var clock = Stopwatch.StartNew();
        foreach (var item in objects)
        {
            await cluster.ApplyAsync(item, cancel);
        }

        log.Information($"Applied {string.Join(", ", objects.Select(o => o.Kind))} {name} to {cluster.Server} (namespace {cluster.Namespace}, server-side apply as {KubernetesCluster.FieldManager})");
        var failure = await FollowAsync(name, deployment.Spec.Replicas ?? 1, cancel);
        if (failure is null)
        {
            return new Outcome(previousImage, clock.Elapsed);
        }

        if (previous is null)
        {
            foreach (var item in objects.Reverse())
            {
                await cluster.DeleteAsync(item, cancel);
            }

            throw new RolloutFailedException($"deployment/{name} did not roll out: {failure}; removed what this deploy created, nothing serves it");
        }

        await cluster.ApplyAsync(Restorable(previous), cancel);
        throw new RolloutFailedException($"deployment/{name} did not roll out: {failure}; undone: its previous spec ({previousImage}) applied again");
    }

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
