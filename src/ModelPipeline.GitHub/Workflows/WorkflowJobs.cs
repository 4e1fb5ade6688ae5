namespace ModelPipeline.GitHub.Workflows;

/// <summary>One <c>jobs.&lt;id&gt;</c> entry per <see cref="StageJob"/>.</summary>
internal static class WorkflowJobs
{
    const string NotPullRequest = "github.event_name != 'pull_request'";

    public static YamlMap Build(WorkflowSpec spec, StageJob stage)
    {
        var once = stage.Kind is StageKind.PublishRegistry or StageKind.Deploy;
        var matrix = spec.Pipelines.Count > 1 && !once;
        var pipeline = matrix ? "${{ matrix.pipeline }}" : spec.Pipelines[0];
        var job = new YamlMap()
            .Set("name", matrix ? $"{stage.Name} (${{{{ matrix.pipeline }}}})" : stage.Name)
            .Set("needs", stage.Needs.Count == 0 ? null : stage.Needs.Cast<object>().ToList())
            .Set("if", stage.Kind == StageKind.Deploy ? $"{NotPullRequest} && ({ChampionChangedCondition(spec, stage)})" : stage.OnPullRequest ? null : NotPullRequest)
            .Set("runs-on", spec.RunsOn)
            .Set("environment", stage.Environment)
            .Set("permissions", Permissions(stage))
            .Set("outputs", stage.ChampionOutputs ? ChampionOutputs(spec) : null)
            .Set("strategy", matrix ? new YamlMap()
                .Set("fail-fast", false)
                .Set("matrix", new YamlMap().Set("pipeline", MatrixPipelines(spec))) : null)
            .Set("concurrency", stage.Kind switch
            {
                StageKind.PublishRegistry => new YamlMap().Set("group", "modelpipeline-registry-${{ github.ref }}").Set("cancel-in-progress", false),
                StageKind.Deploy => new YamlMap().Set("group", $"modelpipeline-deploy-{stage.Environment ?? "cluster"}").Set("cancel-in-progress", false),
                _ => new YamlMap().Set("group", $"modelpipeline-{pipeline}-{stage.Id}-${{{{ github.ref }}}}").Set("cancel-in-progress", false),
            })
            .Set("env", Environment(spec, stage, pipeline));
        job.Set("steps", stage.Kind switch
        {
            StageKind.PublishRegistry => WorkflowSteps.Publish(spec, stage),
            StageKind.Deploy => WorkflowSteps.Deploy(spec, stage, ChampionJob(spec, stage)),
            _ => WorkflowSteps.Build(spec, stage, pipeline),
        });
        return job;
    }

    /// <summary>
    /// One job output per pipeline, mapped from the targets step's output of the same name. In a matrix each leg writes
    /// only its own pipeline's; GitHub combines the legs' outputs into one map (empty values do not replace others).
    /// </summary>
    static YamlMap ChampionOutputs(WorkflowSpec spec)
    {
        var outputs = new YamlMap();
        foreach (var name in spec.Pipelines.Select(StandardStages.ChampionChanged))
        {
            outputs.Set(name, $"${{{{ steps.{WorkflowSteps.TargetsStep}.outputs.{name} }}}}");
        }

        return outputs;
    }

    /// <summary>The job among <paramref name="stage"/>'s needs whose targets move the champion (its outputs say for which pipelines they did).</summary>
    static string ChampionJob(WorkflowSpec spec, StageJob stage) =>
        stage.Needs.FirstOrDefault(n => spec.Stages.Any(s => s.Id == n && s.ChampionOutputs))
        ?? throw new WorkflowSpecException($"workflow '{spec.Name}': job '{stage.Id}' runs when a champion changed, so it must need a job with ChampionOutputs (e.g. compare)");

    /// <summary>Whether <paramref name="pipeline"/>'s champion changed in this run, from the champion job's output.</summary>
    public static string ChampionChanged(string job, string pipeline) =>
        $"needs.{job}.outputs.{StandardStages.ChampionChanged(pipeline)} == 'true'";

    static string ChampionChangedCondition(WorkflowSpec spec, StageJob stage)
    {
        var job = ChampionJob(spec, stage);
        return string.Join(" || ", spec.Pipelines.Select(p => ChampionChanged(job, p)));
    }

    /// <summary>Every pipeline; with a pipeline input, a manual run that names one runs only that one.</summary>
    static object MatrixPipelines(WorkflowSpec spec)
    {
        if (spec.PipelineInput is not { } input)
        {
            return spec.Pipelines.Cast<object>().ToList();
        }

        var all = "[" + string.Join(",", spec.Pipelines.Select(p => $"\"{p}\"")) + "]";
        return $"${{{{ fromJSON(inputs.{input} != '' && inputs.{input} != '{WorkflowSpecs.AllPipelines}' && format('[\"{{0}}\"]', inputs.{input}) || '{all}') }}}}";
    }

    static YamlMap Permissions(StageJob stage)
    {
        var map = new YamlMap();
        foreach (var (scope, access) in stage.Permissions.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            map.Set(scope, access);
        }

        return map;
    }

    static YamlMap? Environment(WorkflowSpec spec, StageJob stage, string pipeline)
    {
        if (stage.Kind == StageKind.PublishRegistry)
        {
            return new YamlMap().Set("GITHUB_TOKEN", "${{ github.token }}");
        }

        if (stage.Kind == StageKind.Deploy)
        {
            var secrets = new YamlMap();
            foreach (var secret in spec.Secrets.Where(s => s.OnlyInJobs.Contains(stage.Id, StringComparer.Ordinal)))
            {
                secrets.Set(secret.EnvironmentVariable, $"${{{{ secrets.{secret.SecretName} }}}}");
            }

            return secrets.Count == 0 ? null : secrets;
        }

        var env = new YamlMap().Set("PIPELINE", pipeline);
        foreach (var input in spec.Inputs.Where(i => i.Name != spec.PipelineInput && i.Name != spec.TriggerInput))
        {
            env.Set(input.EnvironmentVariable, $"${{{{ inputs.{input.Name} }}}}");
        }

        if (stage.RegistryLogin)
        {
            env.Set("REGISTRY", spec.PushRegistry).Set("REGISTRY_USERNAME", "${{ github.actor }}");
        }

        if (stage.Kind == StageKind.Report)
        {
            env.Set("GITHUB_TOKEN", "${{ github.token }}");
        }

        foreach (var secret in spec.Secrets.Where(s => s.OnlyInJobs.Count == 0 || s.OnlyInJobs.Contains(stage.Id, StringComparer.Ordinal)))
        {
            env.Set(secret.EnvironmentVariable, $"${{{{ secrets.{secret.SecretName} }}}}");
        }

        return env;
    }
}
