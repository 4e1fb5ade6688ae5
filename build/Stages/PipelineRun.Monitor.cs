using ModelPipeline.Data;
using ModelPipeline.Monitoring;
using ModelPipeline.Registry;
using ModelPipeline.Reports;
using ModelPipeline.Targets;
using ModelPipeline.Training;

namespace ModelPipeline.Build;

internal sealed partial class PipelineRun
{
    public const string ProfileAttachment = "profile.json";

    /// <summary>The profile's isolation forest, a registry attachment of its own (profile.json names it by SHA-256).</summary>
    public const string ForestAttachment = "anomaly-forest.bin";

    /// <summary>A built-in version's model as ONNX (docs/model-format.md), released like model.bin; ONNX-kind versions are model.onnx themselves.</summary>
    public const string OnnxAttachment = "model.onnx";

    public string ProfileFile => Path.Combine(Artifacts.Directory, "profile.json");

    public string VersionProfileFile(string version) => Path.Combine(Artifacts.Directory, "profiles", $"{version}.json");

    /// <summary>Profiles the challenger (training rows, holdout predictions and labels, holdout metrics) for the version just registered.</summary>
    public ReferenceProfile WriteProfile()
    {
        var decision = RequireDecision();
        var profile = ChallengerProfile;
        profile.Save(ProfileFile);
        profile.Save(VersionProfileFile(decision.Version));
        Log.Information($"Profile of {decision.Version}: {profile.Features.Count} features, {ChallengerProfileJson().Length / 1e3:F0} kB" +
                        $" + forest {(profile.ForestBytes?.Length ?? 0) / 1e3:F0} kB -> {Rel(ProfileFile)}");
        return profile;
    }

    /// <summary>The challenger's reference profile, made once per run (registered with the version, and written by Profile).</summary>
    public ReferenceProfile ChallengerProfile =>
        _profile ??= ReferenceProfile.Build(Frame.Take(Split.Train), Challenger, Holdout, ChallengerEvaluation.Predictions, ChallengerEvaluation.Metrics.Values);

    /// <summary>The challenger's profile as JSON (the forest apart, <see cref="ForestAttachment"/>).</summary>
    public byte[] ChallengerProfileJson() => _profileJson ??= ChallengerProfile.ToJsonBytes();

    private ReferenceProfile? _profile;

    private byte[]? _profileJson;

    /// <summary>Scores a batch (or the server's prediction log) with the verified champion and compares it with the champion's profile.</summary>
    public (ModelVersion Champion, DriftResult Result) Monitor(string? batch, string? predictionLog)
    {
        var champion = Registry.Champion ?? throw new InputMistakeException($"{Definition.Name} has no champion yet: run the pipeline first.");
        Registry.Verify(champion);
        var model = LoadModel(champion);
        var profile = ChampionProfile(champion, model);
        Frame current;
        Predictions? logged = null;
        if (!string.IsNullOrWhiteSpace(batch))
        {
            current = FrameReader.Read(Path.GetFullPath(batch, Root), DefinitionMapping.CsvOptions(Definition));
        }
        else if (!string.IsNullOrWhiteSpace(predictionLog))
        {
            (current, logged) = PredictionLogReader.Read(Path.GetFullPath(predictionLog, Root), model.Schema);
        }
        else
        {
            throw new InputMistakeException("Monitor needs --batch <csv> or --prediction-log <dir>.");
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
    private ReferenceProfile ChampionProfile(ModelVersion champion, IScoringModel model)
    {
        if (champion.Attachments.ContainsKey(ProfileAttachment))
        {
            var registered = ReferenceProfile.FromJson(Registry.ReadAttachment(champion, ProfileAttachment), $"{champion.Version}/{ProfileAttachment}");
            if (registered.ForestSha256 is null)
            {
                return registered;
            }

            if (champion.Attachments.ContainsKey(ForestAttachment))
            {
                return registered.WithForest(Registry.ReadAttachment(champion, ForestAttachment), $"{champion.Version}/{ForestAttachment}");
            }

            Log.Warning($"{champion.Version} has no {ForestAttachment}: anomalies are not scored");
            return registered;
        }

        var cached = VersionProfileFile(champion.Version);
        if (File.Exists(cached))
        {
            return ReferenceProfile.Load(cached);
        }

        Log.Warning($"{champion.Version} has no profile: profiling it now on {string.Join(", ", Definition.Data.Files)} (its current contents)");
        var profile = ReferenceProfile.Build(Frame.Take(Split.Train), model, Holdout);
        profile.Save(cached);
        return profile;
    }
}
