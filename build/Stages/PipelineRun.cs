using System.Diagnostics;
using ModelPipeline.Data;
using ModelPipeline.Definitions;
using ModelPipeline.Registry;
using ModelPipeline.Targets;
using ModelPipeline.Training;

namespace ModelPipeline.Build;

/// <summary>
/// One run of one pipeline: loads the definition, data and split once, and holds what the stages hand on.
/// Stages that run in a later process read the same things back from <see cref="RunArtifacts"/>.
/// </summary>
internal sealed partial class PipelineRun(string root, string pipeline, string modelsDirectory, BuildLog log, int? threads)
{
    static PipelineRun()
    {
        MLNet.MLNetModelKind.Register();
        Onnx.OnnxModelKind.Register();
    }

    private PipelineDefinition? _definition;
    private Frame? _frame;
    private (int[] Train, int[] Holdout)? _split;
    private DataFingerprint? _fingerprint;
    private IScoringModel? _challenger;
    private ModelRegistry? _registry;

    public string Root { get; } = root;

    public BuildLog Log { get; } = log;

    public int? Threads { get; } = threads;

    /// <summary>The MLflow server Retrain, Evaluate and CompareWithChampion log to, or null (no MLFLOW_TRACKING_URI).</summary>
    public MlflowTracking? Tracking { get; init; }

    public RunArtifacts Artifacts { get; } = new(root, pipeline);

    public PipelineDefinition Definition => _definition ??= LoadDefinition();

    public ModelRegistry Registry => _registry ??= ModelRegistry.Open(Path.Combine(Root, modelsDirectory), Definition.Name);

    public IReadOnlyList<string> DataFiles => Definition.Data.Files.Select(f => Path.Combine(Root, f)).ToArray();

    /// <summary>The data files' hashes and, for an external trainer, those of the files it depends on (<see cref="TrainerFiles"/>).</summary>
    public DataFingerprint Fingerprint => _fingerprint ??= DataFingerprint.Of(DataFiles.Concat(TrainerFiles));

    public Frame Frame => _frame ??= LoadFrame();

    public (int[] Train, int[] Holdout) Split => _split ??= SplitRows();

    public Frame Holdout => Frame.Take(Split.Holdout);

    /// <summary>The model Retrain made: in memory in this process, else read back from the artifacts.</summary>
    public IScoringModel Challenger => _challenger ??= LoadChallenger();

    public RetrainRecord RequireRetrainRecord() =>
        Artifacts.Read<RetrainRecord>(Artifacts.RetrainRecord)
        ?? throw new InputMistakeException($"No {Rel(Artifacts.RetrainRecord)}: run the Retrain target first.");

    public DecisionRecord RequireDecision() =>
        Artifacts.Read<DecisionRecord>(Artifacts.DecisionFile)
        ?? throw new InputMistakeException($"No {Rel(Artifacts.DecisionFile)}: run the CompareWithChampion target first.");

    public string Rel(string path) => Path.GetRelativePath(Root, path);

    /// <summary>
    /// The checkout that holds src/ (the model server's sources): the run's root itself, or, when the run works on a
    /// copy of pipelines and data elsewhere, the checkout this build was compiled from.
    /// </summary>
    public string SourceRoot => _sourceRoot ??= FindSourceRoot();

    private string? _sourceRoot;

    private string FindSourceRoot()
    {
        const string serving = "src/ModelPipeline.Serving/ModelPipeline.Serving.csproj";
        foreach (var start in new[] { Root, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, serving)))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"The model server's sources ({serving}) are not under {Root} nor above the build.");
    }

    public static string? GitCommit(string root)
    {
        try
        {
            var info = new ProcessStartInfo("git", "rev-parse HEAD")
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var git = Process.Start(info)!;
            var sha = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && sha.Length >= 7 ? sha : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private PipelineDefinition LoadDefinition() => PipelineLoader.LoadByName(pipeline, Root);

    private Frame LoadFrame()
    {
        var files = DataFiles;
        if (files.Count != 1)
        {
            throw new InvalidOperationException($"{Definition.SourceFile}: data.files lists {files.Count} files; this version reads exactly one.");
        }

        var watch = Stopwatch.StartNew();
        var options = DefinitionMapping.CsvOptions(Definition) with { Label = Definition.Data.Label };
        var frame = FrameReader.Read(files[0], options);
        Log.Information($"Read {Rel(files[0])}: {frame.RowCount:N0} rows × {frame.Columns.Count} columns in {watch.Elapsed.TotalSeconds:F2} s");
        TrainingRows.Check(frame, files[0], Rel(files[0]), options, Definition.Task);
        return frame;
    }

    private (int[] Train, int[] Holdout) SplitRows()
    {
        try
        {
            return FrameSplit.TrainHoldout(
                Frame, Definition.Split.Holdout, Definition.Split.Seed, Definition.Split.Stratify ? Definition.Data.Label : null);
        }
        catch (SplitImpossibleException error)
        {
            throw new InputMistakeException($"{Rel(DataFiles[0])}: {error.Message}.");
        }
    }

    private IScoringModel LoadChallenger()
    {
        if (!File.Exists(Artifacts.ChallengerModel))
        {
            throw new InputMistakeException($"No challenger model at {Rel(Artifacts.ChallengerModel)}: run the Retrain target first.");
        }

        return ModelKinds.Load(RequireRetrainRecord().ModelKind, File.ReadAllBytes(Artifacts.ChallengerModel));
    }
}
