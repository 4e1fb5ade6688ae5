using System.Globalization;
using k8s;
using k8s.Models;

namespace ModelPipeline.Build;

/// <summary>
/// The Kubernetes objects that serve one pipeline, from KubernetesClient's typed models: a Deployment (image pinned by
/// digest, readiness GET /ping, liveness GET /health, resources, non-root, read-only root file system with an emptyDir
/// /tmp, Prometheus scrape annotations), a ClusterIP Service, and, when asked, a HorizontalPodAutoscaler (autoscaling/v2)
/// and a PodDisruptionBudget (policy/v1).
/// </summary>
internal static class KubernetesManifests
{
    /// <param name="name">Object name and app.kubernetes.io/name label (the serving container's name on the engine).</param>
    /// <param name="image">The image by digest (repository@sha256:...).</param>
    /// <param name="maxReplicas">Above <paramref name="replicas"/>: an HPA scaling on CPU up to this many; otherwise none.</param>
    public static IReadOnlyList<IKubernetesObject> For(string pipeline, string version, string name, string image, int port, int replicas, int maxReplicas)
    {
        if (!image.Contains("@sha256:", StringComparison.Ordinal))
        {
            throw new ArgumentException($"the image must be pinned by digest, not a moving tag: {image}", nameof(image));
        }

        var labels = new Dictionary<string, string>
        {
            ["app.kubernetes.io/name"] = name,
            ["app.kubernetes.io/part-of"] = "modelpipeline",
            ["io.modelpipeline/pipeline"] = pipeline,
        };
        var podLabels = new Dictionary<string, string>(labels) { ["io.modelpipeline/model-version"] = version };
        var selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = name } };
        var portText = port.ToString(CultureInfo.InvariantCulture);
        var objects = new List<IKubernetesObject>
        {
            new V1Deployment
            {
                ApiVersion = "apps/v1",
                Kind = "Deployment",
                Metadata = new V1ObjectMeta { Name = name, Labels = labels },
                Spec = new V1DeploymentSpec
                {
                    Replicas = replicas,
                    Selector = selector,
                    Strategy = new V1DeploymentStrategy
                    {
                        Type = "RollingUpdate",
                        RollingUpdate = new V1RollingUpdateDeployment { MaxUnavailable = 0, MaxSurge = 1 },
                    },
                    Template = new V1PodTemplateSpec
                    {
                        Metadata = new V1ObjectMeta
                        {
                            Labels = podLabels,
                            Annotations = new Dictionary<string, string>
                            {
                                ["prometheus.io/scrape"] = "true",
                                ["prometheus.io/port"] = portText,
                                ["prometheus.io/path"] = "/metrics",
                            },
                        },
                        Spec = PodSpec(image, port),
                    },
                },
            },
            new V1Service
            {
                ApiVersion = "v1",
                Kind = "Service",
                Metadata = new V1ObjectMeta { Name = name, Labels = labels },
                Spec = new V1ServiceSpec
                {
                    Type = "ClusterIP",
                    Selector = selector.MatchLabels,
                    Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = "http", Protocol = "TCP" }],
                },
            },
        };
        if (maxReplicas > replicas)
        {
            objects.Add(new V2HorizontalPodAutoscaler
            {
                ApiVersion = "autoscaling/v2",
                Kind = "HorizontalPodAutoscaler",
                Metadata = new V1ObjectMeta { Name = name, Labels = labels },
                Spec = new V2HorizontalPodAutoscalerSpec
                {
                    ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = name },
                    MinReplicas = replicas,
                    MaxReplicas = maxReplicas,
                    Metrics =
                    [
                        new V2MetricSpec
                        {
                            Type = "Resource",
                            Resource = new V2ResourceMetricSource
                            {
                                Name = "cpu",
                                Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = 70 },
                            },
                        },
                    ],
                },
            });
        }

        if (replicas > 1)
        {
            objects.Add(new V1PodDisruptionBudget
            {
                ApiVersion = "policy/v1",
                Kind = "PodDisruptionBudget",
                Metadata = new V1ObjectMeta { Name = name, Labels = labels },
                Spec = new V1PodDisruptionBudgetSpec { MinAvailable = 1, Selector = selector },
            });
        }

        return objects;
    }

    /// <summary>The objects as one multi-document YAML file, with a header saying where it came from.</summary>
    public static string Yaml(string header, IEnumerable<IKubernetesObject> objects) =>
        string.Concat(header.Split('\n').Select(line => $"# {line}\n")) +
        string.Join("---\n", objects.Select(o => KubernetesYaml.Serialize(o).TrimEnd() + "\n"));

    private static V1PodSpec PodSpec(string image, int port) => new()
    {
        AutomountServiceAccountToken = false,
        SecurityContext = new V1PodSecurityContext
        {
            RunAsNonRoot = true,
            RunAsUser = 10001, // the image's USER (ImageBuildRequest.DefaultUser)
            RunAsGroup = 10001,
            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
        },
        Containers =
        [
            new V1Container
            {
                Name = "server",
                Image = image,
                Ports = [new V1ContainerPort { Name = "http", ContainerPort = port, Protocol = "TCP" }],
                ReadinessProbe = new V1Probe
                {
                    HttpGet = new V1HTTPGetAction { Path = "/ping", Port = "http" },
                    PeriodSeconds = 5,
                    FailureThreshold = 3,
                },
                LivenessProbe = new V1Probe
                {
                    HttpGet = new V1HTTPGetAction { Path = "/health", Port = "http" },
                    InitialDelaySeconds = 10,
                    PeriodSeconds = 10,
                    FailureThreshold = 3,
                },
                Resources = new V1ResourceRequirements
                {
                    Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("250m"), ["memory"] = new("128Mi") },
                    Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("512Mi") },
                },
                SecurityContext = new V1SecurityContext
                {
                    AllowPrivilegeEscalation = false,
                    ReadOnlyRootFilesystem = true,
                    RunAsNonRoot = true,
                    Capabilities = new V1Capabilities { Drop = ["ALL"] },
                },
                VolumeMounts = [new V1VolumeMount { Name = "tmp", MountPath = "/tmp" }],
            },
        ],
        Volumes = [new V1Volume { Name = "tmp", EmptyDir = new V1EmptyDirVolumeSource() }],
    };
}
