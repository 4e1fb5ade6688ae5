namespace ModelPipeline.Targets.Tests;

/// <summary>Base for sample builds: remembers which targets ran, in order.</summary>
internal abstract class RecordingBuild : BuildDefinition
{
    public List<string> Ran { get; } = [];

    protected Action Record(string name) => () => Ran.Add(name);
}
