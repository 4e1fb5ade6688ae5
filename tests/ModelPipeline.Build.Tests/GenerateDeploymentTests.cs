using k8s;
using k8s.Models;
using ModelPipeline.Registry;

namespace ModelPipeline.Build.Tests;

/// <summary>
/// GenerateDeployment's manifests, read back into KubernetesClient's typed models (strict: an unknown field fails).
/// Nothing is applied to a cluster. The push is recorded by hand: what is tested is the file, not the push.
/// </summary>
public sealed class GenerateDeploymentTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void GenerateDeployment_ChampionWithPushedImage_WritesValidManifestsPinnedByDigest()
    {
        using var workspace = new PipelineWorkspace();
        var (exit, output) = workspace.Build("Retrain", "Evaluate", "CompareWithChampion");
        Assert.True(exit == 0, output);
        var reference = $"127.0.0.1:5000/modelpipeline/churn@{Digest}";
        ModelRegistry.Open(workspace.Models, "churn").RecordImage("1.0.0", reference, Digest, ["1.0.0", "champion"]);

        (exit, output) = workspace.Build("GenerateDeployment", "--max-replicas", "5");

        Assert.True(exit == 0, output);
        var text = File.ReadAllText(Path.Combine(workspace.Root, "deploy", "kubernetes", "churn.yaml"));
        // Counts, not strings: the API server refuses "0" (a string must be a percentage).
        Assert.Contains("maxUnavailable: 0\n", text);
        Assert.Contains("maxSurge: 1\n", text);
        Assert.Contains("minAvailable: 1\n", text);
        var objects = KubernetesYaml.LoadAllFromString(text, strict: true);
        Assert.Equal(["Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"], objects.Select(o => ((IKubernetesObject)o).Kind));

        var deployment = Assert.IsType<V1Deployment>(objects[0]);
        Assert.Equal("modelpipeline-churn", deployment.Metadata.Name);
        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal("1.0.0", deployment.Spec.Template.Metadata.Labels["io.modelpipeline/model-version"]);
        Assert.Equal("true", deployment.Spec.Template.Metadata.Annotations["prometheus.io/scrape"]);
        Assert.Equal("8080", deployment.Spec.Template.Metadata.Annotations["prometheus.io/port"]);
        Assert.Equal("/metrics", deployment.Spec.Template.Metadata.Annotations["prometheus.io/path"]);
        var pod = deployment.Spec.Template.Spec;
        Assert.True(pod.SecurityContext.RunAsNonRoot);
        var container = Assert.Single(pod.Containers);
        Assert.Equal(reference, container.Image);
        Assert.Equal(8080, Assert.Single(container.Ports).ContainerPort);
        Assert.Equal("/ping", container.ReadinessProbe.HttpGet.Path);
        Assert.Equal("/health", container.LivenessProbe.HttpGet.Path);
        Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);
        Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
        Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
        Assert.Equal("250m", container.Resources.Requests["cpu"].ToString());
        Assert.Equal("512Mi", container.Resources.Limits["memory"].ToString());
        Assert.Equal("/tmp", Assert.Single(container.VolumeMounts).MountPath);

        var service = Assert.IsType<V1Service>(objects[1]);
        Assert.Equal(deployment.Spec.Selector.MatchLabels, service.Spec.Selector);
        Assert.Equal("http", Assert.Single(service.Spec.Ports).TargetPort.Value);
        var hpa = Assert.IsType<V2HorizontalPodAutoscaler>(objects[2]);
        Assert.Equal((2, 5, "modelpipeline-churn"), (hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas, hpa.Spec.ScaleTargetRef.Name));
        var pdb = Assert.IsType<V1PodDisruptionBudget>(objects[3]);
        Assert.Equal("1", pdb.Spec.MinAvailable.Value);

        (exit, output) = workspace.Build("GenerateDeployment", "--replicas", "1");
        Assert.True(exit == 0, output);
        objects = KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(workspace.Root, "deploy", "kubernetes", "churn.yaml")), strict: true);
        Assert.Equal(["Deployment", "Service"], objects.Select(o => ((IKubernetesObject)o).Kind));
    }

    [Fact]
    public void GenerateDeployment_ChampionNeverPushed_OneLineAndNoFile()
    {
        using var workspace = new PipelineWorkspace();
        var (exit, output) = workspace.Build("Retrain", "Evaluate", "CompareWithChampion");
        Assert.True(exit == 0, output);

        (exit, output) = workspace.BuildFailingWithRegistryKept("GenerateDeployment");

        Assert.Equal(2, exit);
        Assert.Contains("churn 1.0.0 has no pushed image in the registry's records: package and push it first (./build.sh Push)", output);
        Assert.False(Directory.Exists(Path.Combine(workspace.Root, "deploy")));
    }
}
