using ModelPipeline.Targets;

namespace ModelPipeline.Build;

/// <summary>Writes a generated, committed file (workflows, alert rules, dashboards) and says whether it changed.</summary>
internal static class GeneratedFile
{
    /// <param name="path">Relative to <paramref name="root"/>, '/' separators.</param>
    public static void Write(string root, string path, string text, BuildLog log)
    {
        var file = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var unchanged = File.Exists(file) && File.ReadAllText(file) == text;
        File.WriteAllText(file, text);
        log.Information(unchanged ? $"{path} is up to date" : $"wrote {path}");
    }
}
