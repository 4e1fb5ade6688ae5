using ModelPipeline.GitHub.Workflows;
using ModelPipeline.Targets;

namespace ModelPipeline.Build;

/// <summary>GitHub Actions: generated workflows (GenerateWorkflows), step summary and outputs (ReportToGitHub), releases (PublishRelease, FetchModels).</summary>
[GitHubWorkflow(
    "retrain",
    DispatchInputs = [nameof(Pipeline), nameof(Force), nameof(Trigger), nameof(Threads), nameof(BaseImage)],
    PipelineInput = nameof(Pipeline),
    TriggerInput = nameof(Trigger),
    ImportSecrets = ["REGISTRY_PASSWORD=GITHUB_TOKEN@push"])]
internal sealed partial class Build
{
    Target GenerateWorkflows => _ => _
        .Description("Write .github/workflows/*.yml from the build's [GitHubWorkflow] attributes and the pipelines' data files and schedules")
        .Executes(() =>
        {
            foreach (var spec in DeclaredWorkflows.Specs(RootDirectory))
            {
                GeneratedFile.Write(RootDirectory, $".github/workflows/{spec.FileName}", WorkflowGenerator.Generate(spec), Log);
            }
        });

    Target ReportToGitHub => _ => _
        .Description("On GitHub Actions: report.md to the step summary; outputs version, promoted, verdict, image-digest; PR comment and model-gate status")
        .TriggeredBy(CompareWithChampion, Push)
        .OnlyWhenStatic(() => IsGitHubActions, "running on GitHub Actions")
        .Executes(() => GitHubStage.Report(RootDirectory, Pipeline, Log));

    Target PublishRelease => _ => _
        .Description("On GitHub Actions: release <pipeline>-v<version> with model.bin, evaluation.json and report.html (once per version)")
        .OnlyWhenStatic(() => IsGitHubActions, "running on GitHub Actions")
        .Executes(() => GitHubStage.Release(RootDirectory, Pipeline, ModelsDirectory, Log));

    Target FetchModels => _ => _
        .Description("Download the model files (model.bin, *.bin attachments) of registered versions missing locally from their releases, checked against the registry's sha256")
        .Executes(() => ReleasedModelFiles.Fetch(RootDirectory, Pipeline, ModelsDirectory, Log));
}
