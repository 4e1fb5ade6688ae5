namespace ModelPipeline.GitHub.Workflows;

/// <summary>Builds a <see cref="WorkflowSpec"/> from a <see cref="GitHubWorkflowAttribute"/> and the pipelines.</summary>
public static class WorkflowSpecs
{
    /// <summary>The command written into the generated header.</summary>
    public const string RegenerateCommand = "./build.sh GenerateWorkflows";

    /// <summary>The pipeline choice that runs every pipeline (offered when there are several).</summary>
    public const string AllPipelines = "all";

    /// <param name="inputFor">Maps a build parameter name from <see cref="GitHubWorkflowAttribute.DispatchInputs"/> to its
    /// typed input; the <see cref="GitHubWorkflowAttribute.PipelineInput"/> becomes a choice of the pipelines.</param>
    public static WorkflowSpec From(GitHubWorkflowAttribute declaration, IEnumerable<PipelineTriggers> pipelines,
        Func<string, WorkflowInput> inputFor)
    {
        var sorted = pipelines.OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
        var names = sorted.Select(p => p.Name).ToArray();
        var inputs = declaration.OnDispatch ? declaration.DispatchInputs.ToDictionary(p => p, p => p == declaration.PipelineInput ? PipelineChoice(inputFor(p), names) : inputFor(p), StringComparer.Ordinal) : [];
        var schedules = declaration.OnSchedule
            ? sorted.Select(p => p.Cron).OfType<string>().Distinct(StringComparer.Ordinal).ToArray()
            : [];
        var paths = sorted.SelectMany(p => p.DataFiles).Append("pipelines/*.yaml").Append("pipelines/*.yml").ToArray();
        return new WorkflowSpec(
            $"{declaration.Name}.yml",
            declaration.Name,
            names,
            schedules,
            paths,
            inputs.Count == 0 ? [] : declaration.DispatchInputs.Select(p => inputs[p]).ToArray(),
            declaration.ImportSecrets.Select(SecretMapping.Parse).ToArray(),
            StandardStages.All,
            RegenerateCommand)
        {
            DefaultBranch = declaration.DefaultBranch,
            OnPush = declaration.OnPush,
            OnPullRequest = declaration.OnPullRequest,
            OnDispatch = declaration.OnDispatch,
            PipelineInput = InputName(declaration, declaration.PipelineInput, inputs),
            TriggerInput = InputName(declaration, declaration.TriggerInput, inputs),
            AptPackages = sorted.Where(p => p.AptPackages.Count > 0).ToDictionary(p => p.Name, p => p.AptPackages, StringComparer.Ordinal),
        };
    }

    static WorkflowInput PipelineChoice(WorkflowInput input, IReadOnlyList<string> names) => names.Count > 1
        ? input with { Type = WorkflowInputType.Choice, Options = [AllPipelines, .. names], Default = AllPipelines }
        : input with { Type = WorkflowInputType.Choice, Options = names, Default = names.FirstOrDefault() };

    static string? InputName(GitHubWorkflowAttribute declaration, string? parameter, Dictionary<string, WorkflowInput> inputs) =>
        parameter is null || !declaration.OnDispatch ? null
        : inputs.TryGetValue(parameter, out var input) ? input.Name
        : throw new WorkflowSpecException($"workflow '{declaration.Name}': '{parameter}' is not among its DispatchInputs ({string.Join(", ", declaration.DispatchInputs)})");
}
