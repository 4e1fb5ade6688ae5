using ModelPipeline.Containers.Images;

namespace ModelPipeline.Containers.Tests;

public sealed class DockerfileTemplateTests
{
    private static readonly ImageBuildRequest Request = new()
    {
        Tag = "churn:1",
        ServerDirectory = "/nowhere",
        ModelDirectory = "/nowhere/model",
        Labels = new Dictionary<string, string> { ["io.modelpipeline.decision"] = "promote", ["org.opencontainers.image.title"] = "say \"hi\" $HOME" },
    };

    [Fact]
    public void Render_OfflineBase_FromScratchWithRootfsUserPortAndEntrypoint()
    {
        var dockerfile = DockerfileTemplate.Render(Request);

        Assert.Contains("FROM scratch\nCOPY rootfs/ /\n", dockerfile, StringComparison.Ordinal);
        Assert.Contains("COPY model/ /app/model/", dockerfile, StringComparison.Ordinal);
        Assert.Contains("ENV DOTNET_EnableDiagnostics=\"0\" \\\n    ASPNETCORE_HTTP_PORTS=\"8080\"", dockerfile, StringComparison.Ordinal);
        Assert.Contains("EXPOSE 8080", dockerfile, StringComparison.Ordinal);
        Assert.Contains("USER 10001:10001", dockerfile, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"/app/ModelPipeline.Serving\"]", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BaseImageGiven_FromThatBaseWithoutRootfs()
    {
        var dockerfile = DockerfileTemplate.Render(Request with { BaseImage = "mcr.microsoft.com/dotnet/runtime-deps:10.0" });

        Assert.Contains("FROM mcr.microsoft.com/dotnet/runtime-deps:10.0", dockerfile, StringComparison.Ordinal);
        Assert.DoesNotContain("rootfs", dockerfile.Split('\n').Where(l => !l.StartsWith('#')), StringComparer.Ordinal);
        Assert.DoesNotContain("FROM scratch", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LabelValues_AreQuotedAndEscaped()
    {
        var dockerfile = DockerfileTemplate.Render(Request);

        Assert.Contains("LABEL io.modelpipeline.decision=\"promote\" \\\n      org.opencontainers.image.title=\"say \\\"hi\\\" \\$HOME\"\n", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MissingUserTemplate_ThrowsNamingThePath()
    {
        var error = Assert.Throws<ImageBuildException>(() => DockerfileTemplate.Render(Request with { DockerfileTemplatePath = "/no/such/Dockerfile.scriban" }));

        Assert.Equal("Dockerfile template /no/such/Dockerfile.scriban does not exist", error.Message);
    }

    [Fact]
    public void Render_UserTemplateSyntaxError_NamesFileLineAndColumn()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mp-dockerfile-{Guid.NewGuid():N}.scriban");
        File.WriteAllText(path, "FROM scratch\n{{ if has_model }}\nCOPY model/ /app/model/\n");
        try
        {
            var error = Assert.Throws<ImageBuildException>(() => DockerfileTemplate.Render(Request with { DockerfileTemplatePath = path }));

            Assert.StartsWith($"{path}:2:", error.Message, StringComparison.Ordinal);
            Assert.Contains("The <end> statement was not found", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Render_UserTemplateUnknownVariable_NamesFileLineAndColumn()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mp-dockerfile-{Guid.NewGuid():N}.scriban");
        File.WriteAllText(path, "FROM scratch\nEXPOSE {{ prot }}\n");
        try
        {
            var error = Assert.Throws<ImageBuildException>(() => DockerfileTemplate.Render(Request with { DockerfileTemplatePath = path }));

            Assert.Equal($"{path}:2:11: The variable or function `prot` was not found (Dockerfile template, Scriban)", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Render_Default_HasNoBlankLinesFromTheTemplateLogic()
    {
        var lines = DockerfileTemplate.Render(Request).Split('\n').SkipWhile(l => l.StartsWith('#')).ToArray();

        Assert.Equal(
            ["FROM scratch", "COPY rootfs/ /", "COPY app/ /app/", "COPY model/ /app/model/"],
            lines.Take(4));
        Assert.DoesNotContain("", lines.SkipLast(1));
    }
}
