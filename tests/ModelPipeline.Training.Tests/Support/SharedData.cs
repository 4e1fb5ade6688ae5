using ModelPipeline.Data;

namespace ModelPipeline.Training.Tests.Support;

/// <summary>Reads the real data sets under ../shared/data (relative to the repository root), once per test run.</summary>
internal static class SharedData
{
    private static readonly Dictionary<string, Frame> Cache = [];

    public static string Directory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ModelPipeline.sln")))
            {
                dir = dir.Parent;
            }

            return dir is null
                ? throw new InvalidOperationException("Cannot find the repository root (ModelPipeline.sln) above " + AppContext.BaseDirectory)
                : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
        }
    }

    public static Frame Read(string file)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(file, out var frame))
            {
                Cache[file] = frame = CsvFrameReader.Read(Path.Combine(Directory, file));
            }

            return frame;
        }
    }

    /// <summary>The 80/20 split used by the quality tests (stratified on the label for classification).</summary>
    public static (Frame Train, Frame Holdout) Split(string file, string label, bool stratify = true)
    {
        var frame = Read(file);
        var (train, holdout) = FrameSplit.TrainHoldout(frame, 0.2, 42, stratify ? label : null);
        return (frame.Take(train), frame.Take(holdout));
    }
}
