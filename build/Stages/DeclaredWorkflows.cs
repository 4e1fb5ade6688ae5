using System.Globalization;
using System.Reflection;
using ModelPipeline.GitHub.Workflows;
using ModelPipeline.Targets;

namespace ModelPipeline.Build;

/// <summary>
/// The <see cref="GitHubWorkflowAttribute"/>s on the build class turned into workflow specs: dispatch inputs typed
/// from the [Parameter] members they name (bool -> boolean, numbers -> number, enums -> choice, the pipeline parameter
/// -> choice of pipelines/, anything else -> string), each handed to the build through the parameter's variable.
/// </summary>
internal static class DeclaredWorkflows
{
    public static IReadOnlyList<GitHubWorkflowAttribute> Declarations { get; } =
        typeof(Build).GetCustomAttributes<GitHubWorkflowAttribute>().OrderBy(a => a.Name, StringComparer.Ordinal).ToArray();

    /// <summary>The workflow that retrains a pipeline (the one Monitor dispatches on drift): the first declared.</summary>
    public static GitHubWorkflowAttribute Retrain => Declarations.FirstOrDefault()
        ?? throw new InvalidOperationException("the build class declares no [GitHubWorkflow]");

    /// <summary>One spec per declaration, for the pipelines under <paramref name="root"/>.</summary>
    public static IReadOnlyList<WorkflowSpec> Specs(string root)
    {
        var pipelines = GitHubStage.PipelineTriggers(root);
        return Declarations.Select(d => Spec(d, pipelines)).ToArray();
    }

    public static WorkflowSpec Spec(GitHubWorkflowAttribute declaration, IReadOnlyList<PipelineTriggers> pipelines)
    {
        var parameters = BuildParameter.Of(typeof(Build));
        return WorkflowSpecs.From(declaration, pipelines, name => Input(declaration, parameters, name));
    }

    /// <summary>The input id a parameter gets in the workflow (its option without dashes, e.g. <c>base-image</c>).</summary>
    public static string InputName(string parameter) =>
        BuildParameter.Of(typeof(Build)).First(p => p.MemberName == parameter).Option.TrimStart('-');

    static WorkflowInput Input(GitHubWorkflowAttribute declaration, IReadOnlyList<BuildParameter> parameters, string name)
    {
        var parameter = parameters.FirstOrDefault(p => p.MemberName == name)
            ?? throw new WorkflowSpecException($"workflow '{declaration.Name}': DispatchInputs names '{name}', which is not a [Parameter] of the build; known: {string.Join(", ", parameters.Select(p => p.MemberName))}");
        if (parameter.IsSecret)
        {
            throw new WorkflowSpecException($"workflow '{declaration.Name}': '{name}' is a [Secret] and cannot be a dispatch input; map it with ImportSecrets");
        }

        var type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
        var (inputType, options) = type switch
        {
            _ when type == typeof(bool) => (WorkflowInputType.Boolean, null),
            _ when type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal) => (WorkflowInputType.Number, null),
            { IsEnum: true } => (WorkflowInputType.Choice, Enum.GetNames(type)),
            _ => (WorkflowInputType.String, (IReadOnlyList<string>?)null),
        };
        var defaultText = parameter.Default switch
        {
            null => inputType == WorkflowInputType.Boolean ? "false" : null,
            bool flag => flag ? "true" : "false",
            var value => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        return new WorkflowInput(parameter.Option.TrimStart('-'), parameter.EnvironmentVariable, parameter.Description ?? parameter.Name, inputType, defaultText, options);
    }
}
