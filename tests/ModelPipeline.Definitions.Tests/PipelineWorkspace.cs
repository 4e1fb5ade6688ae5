namespace ModelPipeline.Definitions.Tests;

/// <summary>A throwaway repository root with data/x.csv and pipeline files written by a test.</summary>
internal sealed class PipelineWorkspace : IDisposable
{
    public const string Minimal = """
        task: binary
        data:
          files: [data/x.csv]
          label: y
        trainer:
          type: logistic_regression
        """;

    public PipelineWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "mp-defs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "data"));
        Directory.CreateDirectory(Path.Combine(Root, "pipelines"));
        File.WriteAllText(Path.Combine(Root, "data", "x.csv"), "a,b,y\n1,2,0\n3,4,1\n");
    }

    public string Root { get; }

    public PipelineDefinition Load(string yaml, string name = "x")
    {
        Write(yaml, name);
        return PipelineLoader.LoadByName(name, Root);
    }

    public void Write(string yaml, string name = "x") =>
        File.WriteAllText(Path.Combine(Root, "pipelines", name + ".yaml"), yaml.ReplaceLineEndings("\n"));

    /// <summary>The errors of a file that must not load.</summary>
    public IReadOnlyList<DefinitionError> Errors(string yaml, string name = "x")
    {
        Write(yaml, name);
        var failure = Assert.Throws<PipelineDefinitionException>(() => PipelineLoader.LoadByName(name, Root));
        Assert.Equal(string.Join(Environment.NewLine, failure.Errors), failure.Message);
        return failure.Errors;
    }

    /// <summary>The single error line of a file with one problem.</summary>
    public string Error(string yaml, string name = "x") => Assert.Single(Errors(yaml, name)).ToString();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // best effort: the temp folder is cleaned by the OS eventually
        }
    }
}
