using ModelPipeline.GitHub.Tests;
using ModelPipeline.GitHub.Workflows;

namespace ModelPipeline.Build.Tests;

/// <summary>The [GitHubWorkflow] attribute on the build class: the committed workflow is fresh, its inputs come from the [Parameter]s.</summary>
public sealed class DeclaredWorkflowTests
{
    [Fact]
    public void GenerateWorkflows_Declarations_EqualCommittedFiles()
    {
        var specs = DeclaredWorkflows.Specs(PipelineWorkspace.RepositoryRoot);
        Assert.NotEmpty(specs);
        foreach (var spec in specs)
        {
            var path = Path.Combine(PipelineWorkspace.RepositoryRoot, ".github", "workflows", spec.FileName);
            Assert.True(File.Exists(path), $"{path} is missing: run ./build.sh GenerateWorkflows");
            Assert.True(File.ReadAllText(path) == WorkflowGenerator.Generate(spec), $".github/workflows/{spec.FileName} is stale: run ./build.sh GenerateWorkflows and commit it");
        }
    }

    [Fact]
    public void Spec_DispatchInputs_TypedFromTheBuildParameters()
    {
        var spec = Assert.Single(DeclaredWorkflows.Specs(PipelineWorkspace.RepositoryRoot));
        var inputs = spec.Inputs.ToDictionary(i => i.Name);
        Assert.Equal(["pipeline", "force", "trigger", "threads", "base-image"], spec.Inputs.Select(i => i.Name));
        Assert.Equal(new WorkflowInput("force", "FORCE", "Retrain even when data and config are unchanged since the champion; package and push even when not promoted", WorkflowInputType.Boolean, "false"), inputs["force"]);
        Assert.Equal((WorkflowInputType.Choice, "all", "PIPELINE"), (inputs["pipeline"].Type, inputs["pipeline"].Default, inputs["pipeline"].EnvironmentVariable));
        Assert.Equal(["all", "churn", "churn-mlnet", "churn-mlnet-own", "churn_sklearn"], inputs["pipeline"].Options!);
        Assert.Equal((WorkflowInputType.Number, null, "THREADS"), (inputs["threads"].Type, inputs["threads"].Default, inputs["threads"].EnvironmentVariable));
        Assert.Equal((WorkflowInputType.String, "TRIGGER"), (inputs["trigger"].Type, inputs["trigger"].EnvironmentVariable));
        Assert.Equal((WorkflowInputType.String, "BASE_IMAGE"), (inputs["base-image"].Type, inputs["base-image"].EnvironmentVariable));
        Assert.Equal(("pipeline", "trigger"), (spec.PipelineInput, spec.TriggerInput));
        var packages = Assert.Single(spec.AptPackages);
        Assert.Equal("churn_sklearn", packages.Key);
        Assert.Equal(["python3-sklearn", "python3-onnx"], packages.Value);
    }

    [Fact]
    public void Generate_TwoPipelines_MatrixWithPipelineChoiceValidates()
    {
        using var workspace = new PipelineWorkspace();
        File.WriteAllText(Path.Combine(workspace.Root, "pipelines", "churn_weekly.yaml"),
            File.ReadAllText(Path.Combine(workspace.Root, "pipelines", "churn.yaml")).Replace("name: churn", "name: churn_weekly", StringComparison.Ordinal)
                .Replace("cron: \"0 3 * * 1\"", "cron: \"30 4 * * 0\"", StringComparison.Ordinal));
        var spec = Assert.Single(DeclaredWorkflows.Specs(workspace.Root));
        Assert.Equal(["all", "churn", "churn-mlnet", "churn-mlnet-own", "churn_sklearn", "churn_weekly"], spec.Inputs.Single(i => i.Name == "pipeline").Options!);
        var file = Path.Combine(workspace.Root, "retrain.yml");
        File.WriteAllText(file, WorkflowGenerator.Generate(spec));

        var (exit, output) = WorkflowValidator.Validate(file);

        Assert.True(exit == 0, output + "\n" + File.ReadAllText(file));
        Assert.Contains("- cron: '30 4 * * 0'", File.ReadAllText(file));
    }

    [Theory]
    [InlineData("RegistryPassword", "ImportSecrets")]
    [InlineData("NoSuchParameter", "not a [Parameter] of the build")]
    public void Spec_SecretOrUnknownInput_ClearError(string parameter, string expected)
    {
        var declaration = new GitHubWorkflowAttribute("x") { DispatchInputs = [parameter] };
        var error = Assert.Throws<WorkflowSpecException>(() => DeclaredWorkflows.Spec(declaration, GitHubStage.PipelineTriggers(PipelineWorkspace.RepositoryRoot)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
