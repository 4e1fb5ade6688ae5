namespace ModelPipeline.GitHub.Workflows;

/// <summary>
/// ModelPipeline's own workflow declaration (<c>.github/workflows/retrain.yml</c>): every pipeline as a matrix over
/// <see cref="StandardStages"/>, scheduled by the pipelines' crons, started by changes to their data files or
/// <c>pipelines/*.yaml</c>, manual runs with <c>force</c>, images pushed to <c>ghcr.io/&lt;owner&gt;</c>.
/// One source for <c>./build.sh GenerateWorkflows</c> and for the test that checks the committed file is fresh.
/// </summary>
public static class RetrainWorkflow
{
    /// <summary>The declaration: name, triggers, dispatch inputs and secrets.</summary>
    public static GitHubWorkflowAttribute Declaration { get; } = new("retrain")
    {
        DispatchInputs = ["Force"],
        ImportSecrets = ["REGISTRY_PASSWORD=GITHUB_TOKEN@push"],
    };

    /// <summary>The spec for <paramref name="pipelines"/> (sorted by name for a stable file).</summary>
    public static WorkflowSpec Spec(IEnumerable<PipelineTriggers> pipelines) =>
        WorkflowSpecs.From(Declaration, pipelines, ParameterInputs);

    /// <summary>The typed dispatch inputs of the build parameters ModelPipeline offers.</summary>
    public static WorkflowInput ParameterInputs(string parameter) => parameter switch
    {
        "Force" => new WorkflowInput("force", "FORCE", "Retrain even when data and config are unchanged; package and push even when not promoted", WorkflowInputType.Boolean, "false"),
        "Threads" => new WorkflowInput("threads", "THREADS", "Threads for training and scoring (empty = all cores)", WorkflowInputType.Number),
        _ => throw new WorkflowSpecException($"no workflow_dispatch input is defined for build parameter '{parameter}'; known: Force, Threads"),
    };
}
