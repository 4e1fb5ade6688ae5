namespace ModelPipeline.GitHub.Workflows;

/// <summary>The stage chain ModelPipeline's build uses: retrain -> compare -> package -> push -> publish-registry and deploy, plus report.</summary>
public static class StandardStages
{
    static readonly Dictionary<string, string> ReadOnly = new() { ["contents"] = "read" };

    /// <summary>The GitHub environment the deploy job runs in.</summary>
    public const string DeployEnvironment = "production";

    /// <summary>The repository or environment secret holding the cluster's kubeconfig (its text) for the deploy job.</summary>
    public const string KubeconfigSecret = "KUBECONFIG_DATA";

    /// <summary>The step output (and job output) that says whether <paramref name="pipeline"/>'s champion changed in this run: <c>true</c> or <c>false</c>.</summary>
    public static string ChampionChanged(string pipeline) => $"champion-changed-{pipeline}";

    /// <summary>retrain, compare, report, package, push, publish-registry, deploy, with least-privilege permissions.</summary>
    public static IReadOnlyList<StageJob> All { get; } =
    [
        new("retrain", "Retrain", StageKind.Build, ["Retrain"], [], ReadOnly, OnPullRequest: true),
        new("compare", "Evaluate and compare with champion", StageKind.Build, ["Evaluate", "CompareWithChampion"], ["retrain"], ReadOnly, OnPullRequest: true) { ChampionOutputs = true },
        new("report", "Report to GitHub", StageKind.Report, ["ReportToGitHub"], ["compare"],
            new Dictionary<string, string> { ["contents"] = "read", ["pull-requests"] = "write", ["statuses"] = "write" }, OnPullRequest: true),
        new("package", "Package to container", StageKind.Build, ["PackageToContainer"], ["compare"], ReadOnly, OnPullRequest: false),
        new("push", "Push image", StageKind.Build, ["Push"], ["package"],
            new Dictionary<string, string> { ["contents"] = "read", ["packages"] = "write" }, OnPullRequest: false) { RegistryLogin = true },
        new("publish-registry", "Commit registry metadata and release model files", StageKind.PublishRegistry, ["PublishRelease"], ["push"],
            new Dictionary<string, string> { ["contents"] = "write" }, OnPullRequest: false),
        new("deploy", "Deploy the new champions to Kubernetes", StageKind.Deploy, ["Deploy"], ["push", "compare"], ReadOnly, OnPullRequest: false)
        {
            Environment = DeployEnvironment,
        },
    ];
}
