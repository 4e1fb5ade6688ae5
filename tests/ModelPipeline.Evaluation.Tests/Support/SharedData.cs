using ModelPipeline.Data;

namespace ModelPipeline.Evaluation.Tests;

/// <summary>The real data sets under ../shared/data (relative to the repository root), read once per test run.</summary>
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

    public static Frame Read(string file, CsvReadOptions? options = null)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(file, out var frame))
            {
                Cache[file] = frame = CsvFrameReader.Read(Path.Combine(Directory, file), options);
            }

            return frame;
        }
    }

    /// <summary>An 80/20 split, stratified on the label, seed 42.</summary>
    public static (Frame Train, Frame Holdout) Split(Frame frame, string label)
    {
        var (train, holdout) = FrameSplit.TrainHoldout(frame, 0.2, 42, label);
        return (frame.Take(train), frame.Take(holdout));
    }
}
