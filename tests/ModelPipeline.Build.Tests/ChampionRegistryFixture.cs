namespace ModelPipeline.Build.Tests;

/// <summary>Trains the bundled churn pipeline once; tests copy the resulting registry instead of retraining.</summary>
public sealed class ChampionRegistryFixture : IDisposable
{
    private readonly PipelineWorkspace _workspace = new();

    public ChampionRegistryFixture()
    {
        var (exit, output) = _workspace.Build("CompareWithChampion");
        if (exit != 0)
        {
            throw new InvalidOperationException("The bundled churn pipeline failed:\n" + output);
        }
    }

    /// <summary>A new workspace whose registry already holds churn 1.0.0 as champion.</summary>
    public PipelineWorkspace NewWorkspaceWithChampion()
    {
        var workspace = new PipelineWorkspace();
        foreach (var file in Directory.EnumerateFiles(_workspace.Models, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(workspace.Models, Path.GetRelativePath(_workspace.Models, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return workspace;
    }

    public void Dispose() => _workspace.Dispose();
}
