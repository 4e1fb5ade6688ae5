using ModelPipeline.Targets;

namespace ModelPipeline.Build;

internal sealed partial class Build
{
    string EffectiveTrigger => Trigger ?? (IsServerBuild ? "ci" : "local");

    string? _nothingNew;

    Target Retrain => _ => _
        .Description("Retrain the pipeline's model on its data (skipped when data and config are unchanged since the latest version)")
        .Requires(() => Pipeline)
        .Produces($"artifacts/{Pipeline}/challenger.bin", $"artifacts/{Pipeline}/retrain.json")
        .Executes(() =>
        {
            _nothingNew = Run.Retrain(Force, EffectiveTrigger);
            if (_nothingNew is not null)
            {
                throw new TargetSkippedException(_nothingNew);
            }
        });

    Target Evaluate => _ => _
        .Description("Score the challenger on the holdout split: accuracy, precision, recall, F1, AUC, log-loss (or the task's metrics)")
        .DependsOn(Retrain)
        .Produces($"artifacts/{Pipeline}/evaluation.json")
        .Executes(() =>
        {
            SkipWhenNothingNew();
            Run.Evaluate();
        });

    Target CompareWithChampion => _ => _
        .Description("Score challenger and champion on the same holdout, apply the promotion gate, register the version, move the champion alias")
        .DependsOn(Evaluate)
        .Produces($"artifacts/{Pipeline}/decision.json", $"artifacts/{Pipeline}/report.html", $"artifacts/{Pipeline}/report.md")
        .Executes(() =>
        {
            SkipWhenNothingNew();
            var decision = Run.CompareWithChampion(EffectiveTrigger);
            if (decision.Promoted)
            {
                Log.Success($"{decision.Pipeline} {decision.Version}: {decision.Verdict}");
            }
            else
            {
                Log.Warning($"{decision.Pipeline} {decision.Version}: {decision.Verdict}");
            }

            Log.Information($"Report: {Run.Rel(Run.Artifacts.ReportHtml)}");
            if (IsGitHubActions)
            {
                GitHubStage.TellChampionChanged(decision.Pipeline, decision.Promoted);
            }

            if (!decision.Promoted && Run.Definition.Gate.FailOnReject)
            {
                throw new InvalidOperationException($"gate.fail_on_reject is set and the challenger was rejected: {decision.Verdict}");
            }
        });

    void SkipWhenNothingNew()
    {
        var record = Run.Artifacts.Read<RetrainRecord>(Run.Artifacts.RetrainRecord);
        if (record is { Trained: false })
        {
            throw new TargetSkippedException($"no new model: unchanged since {record.UnchangedSince}");
        }
    }
}
