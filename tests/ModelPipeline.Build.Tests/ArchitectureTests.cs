using System.Xml.Linq;

namespace ModelPipeline.Build.Tests;

/// <summary>
/// The arrows between concerns point one way (docs/architecture.md): each src project may reference only the
/// projects listed here. Registry, Containers, GitHub and Reports know no ML types, the target engine knows no
/// models, and no library knows build/.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["ModelPipeline.Targets"] = [],
        ["ModelPipeline.Definitions"] = [],
        ["ModelPipeline.Data"] = [],
        ["ModelPipeline.Training"] = ["ModelPipeline.Data"],
        ["ModelPipeline.Evaluation"] = ["ModelPipeline.Data", "ModelPipeline.Training"],
        ["ModelPipeline.Monitoring"] = ["ModelPipeline.Data", "ModelPipeline.Training", "ModelPipeline.Evaluation"],
        ["ModelPipeline.Serving"] = ["ModelPipeline.Data", "ModelPipeline.Training"],
        ["ModelPipeline.Onnx"] = ["ModelPipeline.Data", "ModelPipeline.Training"],
        ["ModelPipeline.MLNet"] = ["ModelPipeline.Data", "ModelPipeline.Training"],
        ["ModelPipeline.Serving.MLNet"] = ["ModelPipeline.Serving", "ModelPipeline.MLNet"],
        ["ModelPipeline.Serving.Onnx"] = ["ModelPipeline.Serving", "ModelPipeline.Onnx"],
        ["ModelPipeline.Registry"] = [],
        ["ModelPipeline.Reports"] = [],
        ["ModelPipeline.Containers"] = [],
        ["ModelPipeline.GitHub"] = [],
        ["ModelPipeline.Tracking"] = [],
    };

    [Fact]
    public void SourceProjects_AreEachAKnownConcern()
    {
        var projects = SourceProjects().Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), projects);
    }

    [Fact]
    public void SourceProjects_ReferenceOnlyTheConcernsTheyMayKnow()
    {
        var violations = new List<string>();
        foreach (var project in SourceProjects())
        {
            var name = Path.GetFileNameWithoutExtension(project);
            var allowed = Allowed.GetValueOrDefault(name, []);
            foreach (var reference in References(project).Where(r => !allowed.Contains(r)))
            {
                violations.Add($"{name} -> {reference}");
            }
        }

        Assert.True(violations.Count == 0, "references that break the one-way arrows: " + string.Join("; ", violations));
    }

    [Fact]
    public void Tests_MirrorTheSourceProjects()
    {
        var tests = Directory.GetDirectories(Path.Combine(PipelineWorkspace.RepositoryRoot, "tests")).Select(Path.GetFileName).ToHashSet();

        Assert.All(Allowed.Keys, project => Assert.Contains(project + ".Tests", tests));
    }

    private static IEnumerable<string> SourceProjects() =>
        Directory.GetFiles(Path.Combine(PipelineWorkspace.RepositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories);

    private static IEnumerable<string> References(string project) =>
        XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => (string?)r.Attribute("Include") ?? "")
            .Select(include => Path.GetFileNameWithoutExtension(include.Replace('\\', '/')));
}
