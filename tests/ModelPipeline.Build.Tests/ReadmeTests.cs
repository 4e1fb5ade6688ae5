using System.Text.RegularExpressions;

namespace ModelPipeline.Build.Tests;

/// <summary>Keeps the README honest: every `./build.sh` command it shows is one the build accepts.</summary>
public sealed partial class ReadmeTests
{
    public static TheoryData<string> Commands() => new(ReadmeCommands());

    private static string[] ReadmeCommands()
    {
        var readme = File.ReadAllText(Path.Combine(PipelineWorkspace.RepositoryRoot, "README.md"));
        return BuildCommand().Matches(readme).Select(m => m.Groups[1].Value.Trim()).ToArray();
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void ReadmeCommand_IsAcceptedByTheBuild(string arguments)
    {
        using var workspace = new PipelineWorkspace();
        var args = Split(arguments);
        var (exit, output) = args.Contains("--help") || args.Contains("--plan")
            ? workspace.Build(args)
            : workspace.Build([.. args, "--plan"]);

        Assert.True(exit == 0, $"./build.sh {arguments}\n{output}");
    }

    [Fact]
    public void Readme_ShowsTheTwoCommandsFirst()
    {
        var commands = ReadmeCommands();

        Assert.Equal("", commands[0]);
        Assert.Equal("Test", commands[1]);
    }

    private static string[] Split(string arguments) =>
        QuotedOrBare().Matches(arguments).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Value).ToArray();

    [GeneratedRegex(@"^\./build\.sh([^#\n]*)", RegexOptions.Multiline)]
    private static partial Regex BuildCommand();

    [GeneratedRegex("\"([^\"]*)\"|\\S+")]
    private static partial Regex QuotedOrBare();
}
