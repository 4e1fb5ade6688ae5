namespace ModelPipeline.GitHub.Workflows;

/// <summary>The <c>steps:</c> of each kind of job.</summary>
internal static class WorkflowSteps
{
    public const string Checkout = "actions/checkout@v4";
    public const string SetupDotnet = "actions/setup-dotnet@v4";
    public const string Cache = "actions/cache@v4";
    public const string Upload = "actions/upload-artifact@v4";
    public const string Download = "actions/download-artifact@v4";
    public const string DockerLogin = "docker/login-action@v3";

    public static List<object> Build(WorkflowSpec spec, StageJob stage, string pipeline)
    {
        var steps = Prepare(Uses("Check out", Checkout));
        if (stage.Needs.Count > 0)
        {
            steps.Add(Uses($"Download the {stage.Needs[0]} stage's run", Download, new YamlMap()
                .Set("name", $"{stage.Needs[0]}-{pipeline}")
                .Set("path", ".")));
        }
        else
        {
            steps.Add(Run("Restore model files of registered versions from releases", $"{spec.BuildScript} {FetchModels} --skip")
                .Set("env", new YamlMap().Set("GITHUB_TOKEN", "${{ github.token }}")));
        }

        if (stage.Targets.Contains(RetrainTarget, StringComparer.Ordinal))
        {
            steps.AddRange(InstallPackages(spec, pipeline));
        }

        if (stage.RegistryLogin)
        {
            steps.Add(Uses("Log in to ghcr.io", DockerLogin, new YamlMap()
                .Set("registry", "ghcr.io")
                .Set("username", "${{ github.actor }}")
                .Set("password", "${{ secrets.GITHUB_TOKEN }}")));
        }

        var targets = Run(string.Join(", ", stage.Targets), $"{spec.BuildScript} {string.Join(' ', stage.Targets)} --skip");
        steps.Add(stage.ChampionOutputs ? WithId(targets, TargetsStep) : targets);
        if (stage.Kind == StageKind.Build)
        {
            steps.Add(Uses("Hand the run to the next stage", Upload, new YamlMap()
                .Set("name", $"{stage.Id}-{pipeline}")
                .Set("path", new YamlLiteral($"artifacts/{pipeline}/\nmodels/{pipeline}/"))
                .Set("if-no-files-found", "error")
                .Set("retention-days", 7)));
        }

        return steps;
    }

    /// <summary>
    /// Before Retrain: one apt-get step per pipeline whose training command needs Debian packages
    /// (<see cref="WorkflowSpec.AptPackages"/>); in a matrix job it runs only for that pipeline.
    /// </summary>
    static IEnumerable<YamlMap> InstallPackages(WorkflowSpec spec, string pipeline)
    {
        var matrix = pipeline.StartsWith("${{", StringComparison.Ordinal);
        foreach (var (name, packages) in spec.AptPackages.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!matrix && name != pipeline)
            {
                continue;
            }

            yield return new YamlMap()
                .Set("name", $"Install the Debian packages of {name}'s training command")
                .Set("if", matrix ? $"matrix.pipeline == '{name}'" : null)
                .Set("run", $"sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends {string.Join(' ', packages)}");
        }
    }

    /// <summary>
    /// Releases each pipeline's new model through the build's own REST client (the stage's targets, run once per
    /// pipeline), then commits the registry metadata back to the default branch.
    /// </summary>
    public static List<object> Publish(WorkflowSpec spec, StageJob stage)
    {
        var steps = Prepare(Uses("Check out the default branch", Checkout, new YamlMap().Set("ref", spec.DefaultBranch)));
        steps.Add(Uses("Download the runs", Download, new YamlMap()
            .Set("pattern", $"{stage.Needs[0]}-*")
            .Set("merge-multiple", true)
            .Set("path", ".")));
        var commands = spec.Pipelines.Select(p => $"{spec.BuildScript} {string.Join(' ', stage.Targets)} --skip --pipeline {p}");
        steps.Add(Run(string.Join(", ", stage.Targets), string.Join('\n', commands)));
        steps.Add(Run("Commit registry metadata", CommitRegistry.Replace("{branch}", spec.DefaultBranch, StringComparison.Ordinal)));
        return steps;
    }

    /// <summary>
    /// The runs of <paramref name="stage"/>'s first need, the kubeconfig from <see cref="StandardStages.KubeconfigSecret"/>
    /// written to a file only the job's user reads (never echoed; removed at the end), then the stage's targets for each
    /// pipeline whose champion changed (the output of <paramref name="championJob"/>), against the kubeconfig's cluster.
    /// </summary>
    public static List<object> Deploy(WorkflowSpec spec, StageJob stage, string championJob)
    {
        var steps = Prepare(Uses("Check out", Checkout));
        steps.Add(Uses("Download the runs", Download, new YamlMap()
            .Set("pattern", $"{stage.Needs[0]}-*")
            .Set("merge-multiple", true)
            .Set("path", ".")));
        steps.Add(Run($"Write the kubeconfig from the {StandardStages.KubeconfigSecret} secret", WriteKubeconfig
                .Replace("{secret}", StandardStages.KubeconfigSecret, StringComparison.Ordinal)
                .Replace("{environment}", stage.Environment ?? "repository", StringComparison.Ordinal)
                .Replace("{file}", KubeconfigFile, StringComparison.Ordinal))
            .Set("env", new YamlMap().Set(StandardStages.KubeconfigSecret, $"${{{{ secrets.{StandardStages.KubeconfigSecret} }}}}")));
        foreach (var pipeline in spec.Pipelines)
        {
            steps.Add(new YamlMap()
                .Set("name", $"{string.Join(", ", stage.Targets)} {pipeline}")
                .Set("if", WorkflowJobs.ChampionChanged(championJob, pipeline))
                .Set("run", $"{spec.BuildScript} {string.Join(' ', stage.Targets)} --skip --pipeline {pipeline} --deploy-to kubernetes --kubeconfig \"{KubeconfigFile}\""));
        }

        steps.Add(new YamlMap().Set("name", "Remove the kubeconfig").Set("if", "always()").Set("run", $"rm -f \"{KubeconfigFile}\""));
        return steps;
    }

    /// <summary>Check out, .NET from global.json, the NuGet cache keyed on the lock inputs.</summary>
    static List<object> Prepare(YamlMap checkout) =>
    [
        checkout,
        Uses("Set up .NET", SetupDotnet, new YamlMap().Set("global-json-file", "global.json")),
        Uses("Cache NuGet packages", Cache, new YamlMap()
            .Set("path", "~/.nuget/packages")
            .Set("key", "${{ runner.os }}-nuget-${{ hashFiles('Directory.Packages.props', '**/*.csproj') }}")
            .Set("restore-keys", "${{ runner.os }}-nuget-")),
    ];

    static YamlMap Uses(string name, string action, YamlMap? with = null) =>
        new YamlMap().Set("name", name).Set("uses", action).Set("with", with);

    static YamlMap WithId(YamlMap step, string id)
    {
        step.Insert(1, new KeyValuePair<string, object>("id", id));
        return step;
    }

    static YamlMap Run(string name, string script) =>
        new YamlMap().Set("name", name).Set("run", script.Contains('\n', StringComparison.Ordinal) ? new YamlLiteral(script) : script);

    /// <summary>
    /// The build's target that downloads the binary files of registered versions (model.bin or model.zip/model.onnx, anomaly-forest.bin, the built-in models' model.onnx; release
    /// assets, not in git) through the REST client, checking each against the registry's sha256.
    /// </summary>
    public const string FetchModels = "FetchModels";

    /// <summary>The id of the step that runs a job's targets when later jobs read its outputs.</summary>
    public const string TargetsStep = "targets";

    /// <summary>Where the deploy job writes the kubeconfig: the runner's temp folder, emptied at the start and end of every job.</summary>
    const string KubeconfigFile = "$RUNNER_TEMP/kubeconfig";

    /// <summary>The build's target that runs a pipeline's trainer (and so its training command).</summary>
    public const string RetrainTarget = "Retrain";

    const string WriteKubeconfig = """
        if [ -z "${secret}" ]; then
          echo "::error::no {secret} secret: add the cluster's kubeconfig (the file's text) as a secret of the {environment} environment"
          exit 1
        fi
        umask 077
        printf '%s\n' "${secret}" > "{file}"
        """;

    const string CommitRegistry = """
        git config user.name "github-actions[bot]"
        git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
        git add -A -- models ':(exclude,glob)models/*/versions/*/*.bin' ':(exclude,glob)models/*/versions/*/*.zip' ':(exclude,glob)models/*/versions/*/*.onnx'
        if git diff --cached --quiet; then
          echo "registry metadata unchanged"
          exit 0
        fi
        git commit -m "models: registry metadata from run $GITHUB_RUN_ID [skip ci]"
        for attempt in 1 2 3; do
          if git push origin HEAD:{branch}; then exit 0; fi
          echo "push rejected (attempt $attempt); rebasing on {branch}"
          git pull --rebase origin {branch}
        done
        exit 1
        """;
}
