using ModelPipeline.Data;
using ModelPipeline.Monitoring;
using ModelPipeline.Registry;
using ModelPipeline.Reports;
using ModelPipeline.Training;

namespace ModelPipeline.Build;

internal sealed partial class PipelineRun
{
    public const string ProfileAttachment = "profile.json";

    public string ProfileFile => Path.Combine(Artifacts.Directory, "profile.json");

    public string VersionProfileFile(string version) => Path.Combine(Artifacts.Directory, "profiles", $"{version}.json");

    /// <summary>Profiles the challenger (training rows, holdout predictions and labels, holdout metrics) for the version just registered.</summary>
    public ReferenceProfile WriteProfile()
    {
        var decision = RequireDecision();
        var json = ChallengerProfileJson();
        var profile = ReferenceProfile.FromJson(json, Rel(ProfileFile));
        Artifacts.WriteBytes(ProfileFile, json);
        Artifacts.WriteBytes(VersionProfileFile(decision.Version), json);
        Log.Information($"Profile of {decision.Version}: {profile.Features.Count} features, {json.Length / 1024.0:F0} KiB -> {Rel(ProfileFile)}");
        return profile;
    }

    /// <summary>The challenger's reference profile as JSON, made once per run (registered with the version, and written by Profile).</summary>
    public byte[] ChallengerProfileJson() =>
        _profileJson ??= ReferenceProfile.Build(Frame.Take(Split.Train), Challenger, Holdout, ChallengerEvaluation.Metrics.Values).ToJsonBytes();

    private byte[]? _profileJson;

    /// <summary>Scores a batch (or the server's prediction log) with the verified champion and compares it with the champion's profile.</summary>
    public (ModelVersion Champion, DriftResult Result) Monitor(string? batch, string? predictionLog)
    {
        var champion = Registry.Champion ?? throw new InvalidOperationException($"{Definition.Name} has no champion yet: run the pipeline first.");
        Registry.Verify(champion);
        var model = TrainedModel.Load(Registry.ReadModel(champion));
        var profile = ChampionProfile(champion, model);
        Frame current;
        Predictions? logged = null;
        if (!string.IsNullOrWhiteSpace(batch))
        {
            current = CsvFrameReader.Read(Path.GetFullPath(batch, Root), DefinitionMapping.CsvOptions(Definition));
        }
        else if (!string.IsNullOrWhiteSpace(predictionLog))
        {
            (current, logged) = PredictionLogReader.Read(Path.GetFullPath(predictionLog, Root), model.Schema);
        }
        else
        {
            throw new InvalidOperationException("Monitor needs --batch <csv> or --prediction-log <dir>.");
        }

        var result = DriftDetector.Detect(profile, model, current, MonitorMapping.Rules(Definition.Monitor), logged);
        var report = MonitorMapping.Report(Definition.Name, champion.Version, result, DateTimeOffset.UtcNow);
        Artifacts.Write(Path.Combine(Artifacts.Directory, "drift.json"), result);
        Artifacts.WriteText(Path.Combine(Artifacts.Directory, "drift.html"), HtmlReport.Render(report));
        Artifacts.WriteText(Path.Combine(Artifacts.Directory, "drift.md"), MarkdownReport.Render(report));
        Artifacts.WriteText(Path.Combine(Artifacts.Directory, "drift.prom"), DriftGauges.Render(Definition.Name, champion.Version, result));
        return (champion, result);
    }

    /// <summary>The champion's profile: its registry attachment, else the one the Profile target wrote, else made now from the pipeline's data (and kept).</summary>
    private ReferenceProfile ChampionProfile(ModelVersion champion, TrainedModel model)
    {
        if (champion.Attachments.ContainsKey(ProfileAttachment))
        {
            return ReferenceProfile.FromJson(Registry.ReadAttachment(champion, ProfileAttachment), $"{champion.Version}/{ProfileAttachment}");
        }

        var cached = VersionProfileFile(champion.Version);
        if (File.Exists(cached))
        {
            return ReferenceProfile.Load(cached);
        }

        Log.Warning($"{champion.Version} has no profile: profiling it now on {string.Join(", ", Definition.Data.Files)} (its current contents)");
        var profile = ReferenceProfile.Build(Frame.Take(Split.Train), model, Holdout);
        Artifacts.WriteBytes(cached, profile.ToJsonBytes());
        return profile;
    }
}
