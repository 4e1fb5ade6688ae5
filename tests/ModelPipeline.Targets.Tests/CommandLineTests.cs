namespace ModelPipeline.Targets.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Skip_NamedTargets_AreSkippedOthersRun()
    {
        var build = new PipelineBuild();

        var run = BuildRun.Of(build, ["Evaluate", "--skip", "Restore", "retrain"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Evaluate"], build.Ran);
        Assert.Contains(run.Lines, l => l.StartsWith("Restore") && l.Contains("Skipped (--skip)"));
    }

    [Fact]
    public void Skip_Target_AlsoSkipsDependenciesOnlyItNeeds()
    {
        var build = new PipelineBuild();

        var run = BuildRun.Of(build, ["Evaluate", "--skip", "Retrain"]);

        Assert.Equal(["Evaluate"], build.Ran);
        Assert.Contains(run.Lines, l => l.StartsWith("Restore") && l.Contains("Skipped (only needed by skipped 'Retrain')"));
    }

    [Fact]
    public void Skip_Bare_SkipsAllDependencies()
    {
        var build = new PipelineBuild();

        var run = BuildRun.Of(build, ["Evaluate", "--skip"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Evaluate"], build.Ran);
    }

    [Fact]
    public void TargetOption_NamesTargetsLikePositionalWords()
    {
        var build = new PipelineBuild();

        BuildRun.Of(build, ["--pipeline", "churn", "--target", "Retrain"]);

        Assert.Equal(["Restore", "Retrain"], build.Ran);
    }

    [Fact]
    public void Plan_PrintsOrderAndRunsNothing()
    {
        var build = new PipelineBuild();

        var run = BuildRun.Of(build, ["Package", "--plan", "--skip", "Restore"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["1. Restore (skipped: --skip)", "2. Retrain", "3. Evaluate", "4. Package"], run.Lines);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public void Help_ListsTargetsDependenciesParametersAndPrecedence()
    {
        var run = BuildRun.Of(new PipelineBuild(), ["--help"], defaultTarget: x => x.Default);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Lines;
        Assert.Contains(lines, l => l.StartsWith("  Retrain ") && l.Contains("-> Restore") && l.EndsWith("Retrains the model"));
        Assert.Contains(lines, l => l.StartsWith("  Default (default)") && l.Contains("-> Evaluate"));
        Assert.Contains(lines, l => l.StartsWith("  --pipeline <string>") && l.EndsWith("Pipeline under pipelines/ (default: churn)"));
        Assert.Contains(lines, l => l.StartsWith("  --registry-token <string>") && l.EndsWith("Token for the registry <secret>"));
        Assert.Contains(lines, l => l.Contains("command line > environment variable > .nuke/parameters.json > default"));
    }

    [Fact]
    public void Help_EveryOptionItNames_Exists()
    {
        var run = BuildRun.Of(new PipelineBuild(), ["--help"], defaultTarget: x => x.Default);

        string[] engine = ["--skip", "--plan", "--root", "--verbose", "--help"];
        var parameters = run.Lines.Where(l => l.StartsWith("  --")).Select(l => l.Trim().Split(' ')[0].TrimEnd(',')).Except(engine).ToArray();
        Assert.Equal(["--pipeline", "--registry", "--registry-token"], parameters);
        var text = string.Join('\n', run.Lines.Skip(1)); // the first line is the usage pattern, [--parameter value...]
        var named = System.Text.RegularExpressions.Regex.Matches(text, @"(?<![\w-])--[a-z][a-z0-9-]*").Select(m => m.Value).Distinct();
        Assert.All(named, option => Assert.Contains(option, parameters.Concat(engine)));
        Assert.Contains("(--registry-token -> REGISTRY_TOKEN)", run.Output);
        Assert.Contains("(RegistryToken)", run.Output);
    }

    [Fact]
    public void Help_SaysWhatTheDefaultRunIncludes()
    {
        var run = BuildRun.Of(new TriggeringBuild(), ["--help"], defaultTarget: x => x.Package);

        Assert.Contains("With no target, ./build.sh runs Package with what it needs and what runs after it, in this order:", run.Lines);
        Assert.Contains("  Train -> Package -> Profile -> Comment (only when IsGitHubActions)", run.Lines);
        Assert.Contains(run.Lines, l => l.StartsWith("  Profile ") && l.Contains("after Train"));
    }

    [Fact]
    public void Help_ShortFlag_IsHelp()
    {
        var run = BuildRun.Of(new PipelineBuild(), ["-h"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Parameters:", run.Output);
    }

    [Fact]
    public void Help_UnlistedTarget_IsHidden()
    {
        var run = BuildRun.Of(new HiddenBuild(), ["--help"]);

        Assert.Contains("  Visible", run.Output);
        Assert.DoesNotContain("Hidden", run.Output);
    }

    [Fact]
    public void Run_UnlistedTarget_StillRunsByName()
    {
        var build = new HiddenBuild();

        Assert.Equal(0, BuildRun.Of(build, ["hidden"]).ExitCode);
        Assert.Equal(["Hidden"], build.Ran);
    }

    [Fact]
    public void Run_MisspeltOption_SuggestsClosestAndExitsWith2()
    {
        var build = new PipelineBuild();

        var run = BuildRun.Of(build, ["Retrain", "--pipline", "churn"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Unknown parameter '--pipline'. Did you mean '--pipeline'?", run.Lines.Single());
        Assert.Empty(build.Ran);
    }

    [Fact]
    public void Run_UnknownOptionFarFromAny_PointsToHelp()
    {
        var run = BuildRun.Of(new PipelineBuild(), ["--zzzzzzzzzz"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Unknown parameter '--zzzzzzzzzz'. Run with --help to list parameters.", run.Lines.Single());
    }

    [Fact]
    public void GenerateSchema_HiddenFlag_WritesSchemaUnderRoot()
    {
        var root = TempDirectory.Create();
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));

        var run = BuildRun.Of(new PipelineBuild(), ["--generate-schema"], workingDirectory: root);

        Assert.Equal(0, run.ExitCode);
        var written = File.ReadAllText(Path.Combine(root, ".nuke", "build.schema.json"));
        Assert.Equal(BuildSchema.Generate(typeof(PipelineBuild)), written);
    }

    private sealed class TriggeringBuild : RecordingBuild
    {
        public Target Train => _ => _.Executes(Record(nameof(Train)));

        public Target Package => _ => _.DependsOn(Train).Executes(Record(nameof(Package)));

        public Target Profile => _ => _.TriggeredBy(Train).Executes(Record(nameof(Profile)));

        public Target Comment => _ => _.TriggeredBy(Package).OnlyWhenStatic(() => IsGitHubActions).Executes(Record(nameof(Comment)));
    }

    private sealed class HiddenBuild : RecordingBuild
    {
        public Target Visible => _ => _.Executes(Record(nameof(Visible)));

        public Target Hidden => _ => _.Unlisted().Executes(Record(nameof(Hidden)));
    }
}
