namespace ModelPipeline.GitHub.Workflows;

/// <summary>Builds a <see cref="WorkflowSpec"/> from a <see cref="GitHubWorkflowAttribute"/> and the pipelines.</summary>
public static class WorkflowSpecs
{
    /// <summary>The command written into the generated header.</summary>
    public const string RegenerateCommand = "./build.sh GenerateWorkflows";

    /// <param name="inputFor">Maps a build parameter name from <see cref="GitHubWorkflowAttribute.DispatchInputs"/> to its typed input.</param>
    public static WorkflowSpec From(GitHubWorkflowAttribute declaration, IEnumerable<PipelineTriggers> pipelines, Func<string, WorkflowInput> inputFor)
    {
        var sorted = pipelines.OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
        var schedules = declaration.OnSchedule
            ? sorted.Select(p => p.Cron).OfType<string>().Distinct(StringComparer.Ordinal).ToArray()
            : [];
        var paths = sorted.SelectMany(p => p.DataFiles).Append("pipelines/*.yaml").Append("pipelines/*.yml").ToArray();
        return new WorkflowSpec(
            $"{declaration.Name}.yml",
            declaration.Name,
            sorted.Select(p => p.Name).ToArray(),
            schedules,
            paths,
            declaration.OnDispatch ? declaration.DispatchInputs.Select(inputFor).ToArray() : [],
            declaration.ImportSecrets.Select(SecretMapping.Parse).ToArray(),
            StandardStages.All,
            RegenerateCommand)
        {
            DefaultBranch = declaration.DefaultBranch,
            OnPush = declaration.OnPush,
            OnPullRequest = declaration.OnPullRequest,
            OnDispatch = declaration.OnDispatch,
        };
    }
}
