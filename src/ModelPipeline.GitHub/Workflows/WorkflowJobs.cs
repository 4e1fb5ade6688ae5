namespace ModelPipeline.GitHub.Workflows;

/// <summary>One <c>jobs.&lt;id&gt;</c> entry per <see cref="StageJob"/>.</summary>
internal static class WorkflowJobs
{
    const string NotPullRequest = "github.event_name != 'pull_request'";

    public static YamlMap Build(WorkflowSpec spec, StageJob stage)
    {
        var matrix = spec.Pipelines.Count > 1 && stage.Kind != StageKind.PublishRegistry;
        var pipeline = matrix ? "${{ matrix.pipeline }}" : spec.Pipelines[0];
        var job = new YamlMap()
            .Set("name", matrix ? $"{stage.Name} (${{{{ matrix.pipeline }}}})" : stage.Name)
            .Set("needs", stage.Needs.Count == 0 ? null : stage.Needs.Cast<object>().ToList())
            .Set("if", stage.OnPullRequest ? null : NotPullRequest)
            .Set("runs-on", spec.RunsOn)
            .Set("permissions", Permissions(stage))
            .Set("strategy", matrix ? new YamlMap()
                .Set("fail-fast", false)
                .Set("matrix", new YamlMap().Set("pipeline", MatrixPipelines(spec))) : null)
            .Set("concurrency", stage.Kind == StageKind.PublishRegistry
                ? new YamlMap().Set("group", "modelpipeline-registry-${{ github.ref }}").Set("cancel-in-progress", false)
                : new YamlMap().Set("group", $"modelpipeline-{pipeline}-{stage.Id}-${{{{ github.ref }}}}").Set("cancel-in-progress", false))
            .Set("env", Environment(spec, stage, pipeline));
        job.Set("steps", stage.Kind == StageKind.PublishRegistry ? WorkflowSteps.Publish(spec, stage) : WorkflowSteps.Build(spec, stage, pipeline));
        return job;
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
