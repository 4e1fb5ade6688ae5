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

    [Fact]
    public void Readme_Flow_IsTheDefaultRunInOrder()
    {
        using var workspace = new PipelineWorkspace();
        var (exit, plan) = workspace.Build("--plan");
        Assert.True(exit == 0, plan);
        var planned = PlanLine().Matches(plan).Select(m => m.Groups[1].Value).ToArray();

        var readme = File.ReadAllText(Path.Combine(PipelineWorkspace.RepositoryRoot, "README.md"));
        var flow = CodeBlock().Match(readme).Groups[1].Value;
        var targets = TargetNames(workspace);
        var drawn = Word().Matches(flow).Select(m => m.Value).Where(targets.Contains).ToArray();

        Assert.Equal(planned, drawn);
        Assert.Contains("Profile", drawn);
    }

    [Fact]
    public void Readme_ErrorExample_IsExactlyWhatTheBuildPrints()
    {
        using var workspace = new PipelineWorkspace();
        workspace.Edit("pipelines/churn.yaml", "  label: churn", "  labl: churn");

        var (exit, output) = workspace.Build();

        Assert.Equal(2, exit);
        var printed = string.Join('\n', output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0));
        var readme = File.ReadAllText(Path.Combine(PipelineWorkspace.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        Assert.Contains("```\n" + printed + "\n```", readme);
    }

    [Fact]
    public void Readme_SaysToCommitModelsExceptWhatTheWorkflowLeavesOut()
    {
        var workflow = File.ReadAllText(Path.Combine(PipelineWorkspace.RepositoryRoot, ".github", "workflows", "retrain.yml"));
        var excluded = ExcludedFromCommit().Match(workflow);
        Assert.True(excluded.Success, "the publish-registry job should commit models/ without the model files");

        var readme = File.ReadAllText(Path.Combine(PipelineWorkspace.RepositoryRoot, "README.md"));
        Assert.Contains("`models/churn/` as new: that is the model registry", readme);
        Assert.Contains("it is meant to be committed", readme);
        Assert.Contains($"`{excluded.Groups[1].Value}`", readme);
    }

    [Fact]
    public void Help_EveryParameterItNames_Exists()
    {
        using var workspace = new PipelineWorkspace();
        var (exit, help) = workspace.Build("--help");
        Assert.Equal(0, exit);

        var lines = help.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var options = lines.Where(l => l.StartsWith("  --")).Select(l => l.Trim().Split(' ')[0].TrimEnd(',')).ToHashSet();
        // Skip the usage pattern ([--parameter value...]) and other tools' flags quoted in descriptions ("dotnet test --filter").
        var named = lines.Skip(1).SelectMany(l => OptionName().Matches(l)).Select(m => m.Value).Distinct().ToArray();
        Assert.NotEmpty(named);
        Assert.All(named, option => Assert.Contains(option, options));
        Assert.Contains(lines, l => l.StartsWith("Environment variables are the UPPER_SNAKE_CASE names (--"));
    }

    private static HashSet<string> TargetNames(PipelineWorkspace workspace)
    {
        var (_, help) = workspace.Build("--help");
        return help.Split('\n').SkipWhile(l => !l.StartsWith("Targets")).Skip(1).TakeWhile(l => l.StartsWith("  "))
            .Select(l => l.Trim().Split(' ')[0]).ToHashSet();
    }

    [GeneratedRegex(@"^\d+\. (\w+)", RegexOptions.Multiline)]
    private static partial Regex PlanLine();

    [GeneratedRegex("```\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\(exclude,glob\)([^']+)'")]
    private static partial Regex ExcludedFromCommit();

    [GeneratedRegex(@"(?<![\w-])(?<!dotnet test )--[a-z][a-z0-9-]*")]
    private static partial Regex OptionName();

    private static string[] Split(string arguments) =>
        QuotedOrBare().Matches(arguments).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Value).ToArray();

    [GeneratedRegex(@"^\./build\.sh([^#\n]*)", RegexOptions.Multiline)]
    private static partial Regex BuildCommand();

    [GeneratedRegex("\"([^\"]*)\"|\\S+")]
    private static partial Regex QuotedOrBare();
}
