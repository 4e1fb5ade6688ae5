namespace ModelPipeline.GitHub.Workflows;

/// <summary>A <c>workflow_dispatch</c> input mapped to a build parameter through its environment variable
/// (an input is never pasted into a script, so its text cannot inject shell commands).</summary>
/// <param name="Name">Input id in the workflow, kebab-case, e.g. <c>force</c>.</param>
/// <param name="EnvironmentVariable">The variable the build reads the parameter from, e.g. <c>FORCE</c>.</param>
/// <param name="Type">How the Actions UI asks for it.</param>
/// <param name="Default">Default value text; null = none (booleans default to false).</param>
/// <param name="Options">Choices for <see cref="WorkflowInputType.Choice"/>.</param>
public sealed record WorkflowInput(
    string Name,
    string EnvironmentVariable,
    string Description,
    WorkflowInputType Type,
    string? Default = null,
    IReadOnlyList<string>? Options = null);
