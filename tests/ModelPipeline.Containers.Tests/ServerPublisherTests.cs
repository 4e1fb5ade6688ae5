using ModelPipeline.Containers.Publishing;

namespace ModelPipeline.Containers.Tests;

public sealed class ServerPublisherTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("modelpipeline-fake-repo-").FullName;

    public ServerPublisherTests()
    {
        Write("src/ModelPipeline.Serving/ModelPipeline.Serving.csproj", "<Project />");
        Write("src/ModelPipeline.Serving/Program.cs", "return 0;");
        Write("src/ModelPipeline.Training/Model.cs", "class M {}");
        Write("Directory.Build.props", "<Project />");
    }

    [Fact]
    public void SourceHash_SourceEdited_Changes()
    {
        var before = ServerPublisher.SourceHash(_repo);
        Write("src/ModelPipeline.Training/Model.cs", "class M { int x; }");

        Assert.NotEqual(before, ServerPublisher.SourceHash(_repo));
    }

    [Fact]
    public void SourceHash_BuildOutputAndOtherProjects_DoNotCount()
    {
        var before = ServerPublisher.SourceHash(_repo);
        Write("src/ModelPipeline.Serving/obj/project.assets.json", "{}");
        Write("src/ModelPipeline.Serving/bin/Release/x.json", "{}");
        Write("src/ModelPipeline.Reports/Report.cs", "class R {}");

        Assert.Equal(before, ServerPublisher.SourceHash(_repo));
    }

    [Fact]
    public void SourceHash_ModelKindHost_CountsEveryProjectItReferences()
    {
        Write("src/ModelPipeline.Serving.MLNet/ModelPipeline.Serving.MLNet.csproj",
            "<Project><ItemGroup><ProjectReference Include=\"../ModelPipeline.MLNet/ModelPipeline.MLNet.csproj\" /></ItemGroup></Project>");
        Write("src/ModelPipeline.MLNet/ModelPipeline.MLNet.csproj", "<Project />");
        Write("src/ModelPipeline.MLNet/Kind.cs", "class K {}");
        var host = new ServerPublishOptions { Project = "src/ModelPipeline.Serving.MLNet/ModelPipeline.Serving.MLNet.csproj", Executable = "ModelPipeline.Serving.MLNet" };
        var before = ServerPublisher.SourceHash(_repo, host);
        var builtIn = ServerPublisher.SourceHash(_repo);

        Write("src/ModelPipeline.MLNet/Kind.cs", "class K { int x; }");

        Assert.NotEqual(before, ServerPublisher.SourceHash(_repo, host));
        Assert.Equal(builtIn, ServerPublisher.SourceHash(_repo));
    }

    [Fact]
    public void SourceHash_UntrimmedPublish_DiffersFromDefault()
    {
        Assert.NotEqual(ServerPublisher.SourceHash(_repo), ServerPublisher.SourceHash(_repo, new ServerPublishOptions(Trimmed: false)));
    }

    [Fact]
    public async Task PublishAsync_StampMatches_SkipsThePublish()
    {
        var output = Path.Combine(_repo, "artifacts", "server");
        Write("artifacts/server/ModelPipeline.Serving", "binary");
        Write($"artifacts/server/{ServerPublisher.StampFileName}", ServerPublisher.SourceHash(_repo) + "\n");

        var result = await ServerPublisher.PublishAsync(_repo, output);

        Assert.True(result.FromCache);
        Assert.Equal(Path.Combine(output, "ModelPipeline.Serving"), result.ExecutablePath);
    }

    [Fact]
    public async Task PublishAsync_NotARepository_ThrowsClearMessage()
    {
        var error = await Assert.ThrowsAsync<ServerPublishException>(() => ServerPublisher.PublishAsync("/tmp", "/tmp/out"));

        Assert.Equal("/tmp is not a ModelPipeline repository: src/ModelPipeline.Serving/ModelPipeline.Serving.csproj is missing", error.Message);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_repo, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);
}
