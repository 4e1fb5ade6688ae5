using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ModelPipeline.Evaluation;
using ModelPipeline.Onnx;
using ModelPipeline.Registry;
using ModelPipeline.Reports;
using ModelPipeline.Training;

namespace ModelPipeline.Build;

internal sealed partial class PipelineRun
{
    /// <summary>
    /// Scores the challenger and the champion on the same holdout rows, lets the promotion gate decide,
    /// registers the challenger as a new version (with metrics, lineage, decision and reports) and moves
    /// the champion alias when it is promoted.
    /// </summary>
    public DecisionRecord CompareWithChampion(string trigger)
    {
        var retrain = RequireRetrainRecord();
        var challenger = ChallengerEvaluation;
        var champion = Registry.Champion;
        ModelEvaluation? championEvaluation = null;
        IScoringModel? championModel = null;
        string? championProblem = null;
        if (champion is not null)
        {
            try
            {
                championModel = LoadModel(champion);
                championEvaluation = Score(championModel);
            }
            catch (Exception e) when (e is ModelSchemaException or ModelFormatException)
            {
                championProblem = $"champion {champion.Version} cannot score this holdout ({e.Message}); judged on thresholds alone";
                Log.Warning(championProblem);
            }
        }

        var gate = new PromotionGate(DefinitionMapping.GateRules(Definition));
        PromotionDecision decision;
        try
        {
            decision = gate.Decide(challenger, championEvaluation);
        }
        catch (EvaluationException e) when (championEvaluation is not null)
        {
            championProblem = $"champion {champion!.Version} cannot be compared with the challenger ({e.Message}); judged on thresholds alone";
            Log.Warning(championProblem);
            championEvaluation = null;
            decision = gate.Decide(challenger, null);
        }
        var verdict = championProblem is null ? decision.Verdict : $"{decision.Verdict} ({championProblem})";

        var model = Challenger;
        var lineage = new Lineage(
            retrain.DataFiles.Select(f => new DataFileRecord(f.Name, f.Sha256, f.Bytes)).ToArray(),
            retrain.DataHash, retrain.ConfigHash, SchemaHash(model.Schema), Definition.Task.ToString().ToLowerInvariant(), GitCommit(Root),
            model.Framework.Count == 0 ? null : new SortedDictionary<string, string>(model.Framework.ToDictionary(), StringComparer.Ordinal))
        {
            Search = retrain.Search,
        };
        var planned = Registry.PlanBump(lineage);
        var championVersion = championEvaluation is null ? null : champion?.Version;
        // The champion as scored on this holdout (decision.json, the report's table), not as recorded on its own holdout
        // when it was registered: the chart must not show a challenger above a champion the table says it trails.
        var history = Registry.ListVersions()
            .Select(v => new VersionPoint(
                v.Version,
                v.Version == championVersion && decision.ChampionValue is { } rescored ? rescored : v.Metrics.GetValueOrDefault(decision.PrimaryMetric, double.NaN),
                v.Version == champion?.Version))
            .ToList();
        var nextVersion = planned.Apply(Registry.Latest?.SemVer).ToString();
        history.Add(new VersionPoint(nextVersion, decision.ChallengerValue, decision.Promote));
        var report = ReportMapping.Comparison(Definition, decision with { Verdict = verdict }, $"challenger {nextVersion}", challenger,
            championVersion is null ? null : $"champion {championVersion}", championEvaluation, history,
            Importance(model, decision.PrimaryMetric), championEvaluation is null ? null : Importance(championModel!, decision.PrimaryMetric));
        report = report with { Leaderboard = ReportMapping.Leaderboard(retrain.Search) };
        var html = HtmlReport.Render(report);
        var markdown = MarkdownReport.Render(report);

        var record = new DecisionRecord(Definition.Name, nextVersion, decision.Promote, verdict, decision.PrimaryMetric,
            decision.ChallengerValue, decision.ChampionValue, championVersion,
            decision.Checks.Select(c => new CheckEntry(c.Name, c.Passed, c.Detail)).ToArray(), retrain.DataHash);
        var decisionJson = JsonSerializer.SerializeToUtf8Bytes(record, RunArtifacts.Json);
        var attachments = new Dictionary<string, byte[]>
        {
            ["decision.json"] = decisionJson,
            ["report.html"] = Encoding.UTF8.GetBytes(html),
            ["report.md"] = Encoding.UTF8.GetBytes(markdown),
            [ProfileAttachment] = ChallengerProfileJson(),
            [ForestAttachment] = ChallengerProfile.ForestBytes!,
        };
        if (model is TrainedModel builtIn)
        {
            attachments[OnnxAttachment] = OnnxExport.ToBytes(builtIn);
        }

        var modelBytes = model.ToBytes();
        if (Tracking?.LogCompare(this, record, challenger.Metrics.Values, new Dictionary<string, byte[]>
            {
                ["decision.json"] = decisionJson,
                ["report.html"] = attachments["report.html"],
                ["report.md"] = attachments["report.md"],
            }, modelBytes, ModelKinds.Find(model.Kind).FileName) is { } runs)
        {
            lineage = lineage with { TrackingRuns = runs };
        }

        var registered = Registry.Register(new NewVersion(modelBytes, lineage)
        {
            ModelKind = model.Kind,
            ModelFile = ModelKinds.Find(model.Kind).FileName,
            RunId = retrain.RunId,
            AllowUnchanged = true,
            Trigger = ParseTrigger(trigger),
            Metrics = challenger.Metrics.Values,
            Parameters = model.Parameters,
            Trainer = model.TrainerType,
            Attachments = attachments,
        });
        if (registered.Version != nextVersion)
        {
            // Another writer registered in between: the report names the planned version; the record names the real one.
            record = record with { Version = registered.Version };
        }

        Registry.RecordDecision(Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(record, RunArtifacts.Json)));
        Registry.SetAlias("challenger", registered.Version, Actor(trigger), "latest challenger judged by the gate");
        if (decision.Promote)
        {
            Registry.Promote(registered.Version, Actor(trigger), verdict);
        }

        Artifacts.WriteText(Artifacts.ReportHtml, html);
        Artifacts.WriteText(Artifacts.ReportMarkdown, markdown);
        Artifacts.Write(Artifacts.DecisionFile, record);
        return record;
    }

    /// <summary>
    /// What <paramref name="model"/> relies on, on this run's holdout rows (the same rows and permutations for challenger
    /// and champion); null, with a warning, when it cannot be measured.
    /// </summary>
    private IReadOnlyList<FeatureImportance>? Importance(IScoringModel model, string metric)
    {
        try
        {
            return PermutationImportance.Compute(model, Holdout, metric, Definition.Split.Seed, threads: Threads);
        }
        catch (Exception e) when (e is ModelSchemaException or EvaluationException)
        {
            Log.Warning($"feature importance of {model.TrainerType} not measured: {e.Message}");
            return null;
        }
    }

    /// <summary>A registered version's model, its bytes checked against the registry's sha256 and read by its kind.</summary>
    public IScoringModel LoadModel(ModelVersion version) => ModelKinds.Load(version.ModelKind, Registry.ReadModel(version));

    public static VersionTrigger ParseTrigger(string trigger) => trigger.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() switch
    {
        "schedule" => VersionTrigger.Schedule,
        "datachange" => VersionTrigger.DataChange,
        "drift" => VersionTrigger.Drift,
        "manual" => VersionTrigger.Manual,
        "ci" => VersionTrigger.Ci,
        _ => VersionTrigger.Local,
    };

    private static string Actor(string trigger) =>
        $"{Environment.GetEnvironmentVariable("GITHUB_ACTOR") ?? Environment.UserName} ({trigger})";

    private static string SchemaHash(ModelSchema schema)
    {
        var text = new StringBuilder().Append(schema.Task).Append('|').Append(schema.Label);
        foreach (var input in schema.Inputs)
        {
            text.Append('|').Append(input.Name).Append(':').Append(input.Kind);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
