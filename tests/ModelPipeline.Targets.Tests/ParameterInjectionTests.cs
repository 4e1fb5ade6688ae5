namespace ModelPipeline.Targets.Tests;

public sealed class ParameterInjectionTests
{
    [Fact]
    public void Run_NoValues_KeepsFieldInitializers()
    {
        var build = new ParameterBuild();

        BuildRun.Of(build, ["Show"]);

        Assert.Equal(("churn", 42, 0.2, false), (build.Pipeline, build.Seed, build.Holdout, build.Force));
        Assert.Null(build.Budget);
    }

    [Fact]
    public void Run_CommandLine_FillsEachSupportedType()
    {
        var build = new ParameterBuild();
        var directory = TempDirectory.Create();

        var run = BuildRun.Of(build,
        [
            "Show", "--pipeline", "flights", "--registry-url", "localhost:5000", "--force", "--seed", "7",
            "--holdout", "0.25", "--deployment", "production", "--tags", "a", "b", "--tags", "c", "--output", "out",
            "--budget", "3",
        ], workingDirectory: directory);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("flights", build.Pipeline);
        Assert.Equal("localhost:5000", build.RegistryUrl);
        Assert.True(build.Force);
        Assert.Equal(7, build.Seed);
        Assert.Equal(0.25, build.Holdout);
        Assert.Equal(ParameterBuild.Stage.Production, build.Deployment);
        Assert.Equal(["a", "b", "c"], build.Tags);
        Assert.Equal(Path.Combine(directory, "out"), build.Output!.Value);
        Assert.Equal(3, build.Budget);
    }

    [Fact]
    public void Run_FlagFollowedByTargetName_TreatsWordAsTarget()
    {
        var build = new ParameterBuild();

        var run = BuildRun.Of(build, ["--force", "Show"]);

        Assert.Equal(0, run.ExitCode);
        Assert.True(build.Force);
    }

    [Fact]
    public void Run_FlagWithExplicitFalse_IsFalse()
    {
        var build = new ParameterBuild { Force = true };

        BuildRun.Of(build, ["Show", "--force", "false"]);

        Assert.False(build.Force);
    }

    [Fact]
    public void Run_OptionWithEqualsSign_IsAccepted()
    {
        var build = new ParameterBuild();

        BuildRun.Of(build, ["Show", "--seed=9"]);

        Assert.Equal(9, build.Seed);
    }

    [Fact]
    public void Run_EnvironmentVariables_UseUpperSnakeCase()
    {
        var build = new ParameterBuild();
        var environment = new Dictionary<string, string?>
        {
            ["REGISTRY_URL"] = "ghcr.io",
            ["SEED"] = "5",
            ["TAGS"] = "x y",
            ["FORCE"] = "true",
        };

        BuildRun.Of(build, ["Show"], environment);

        Assert.Equal(("ghcr.io", 5, true), (build.RegistryUrl, build.Seed, build.Force));
        Assert.Equal(["x", "y"], build.Tags);
    }

    [Fact]
    public void Run_ParametersFile_UsesMemberNamesAsKeys()
    {
        var root = RootWithParameters("""{ "$schema": "./build.schema.json", "Pipeline": "diabetes", "Seed": 11, "Tags": ["t1", "t2"], "Force": true }""");
        var build = new ParameterBuild();

        var run = BuildRun.Of(build, ["Show"], workingDirectory: root);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(("diabetes", 11, true), (build.Pipeline, build.Seed, build.Force));
        Assert.Equal(["t1", "t2"], build.Tags);
        Assert.Equal(root, build.RootDirectory.Value);
    }

    [Fact]
    public void Run_AllSources_CommandLineBeatsEnvironmentBeatsFileBeatsInitializer()
    {
        var root = RootWithParameters("""{ "Pipeline": "from-file", "Seed": 1, "Holdout": 0.5 }""");
        var environment = new Dictionary<string, string?> { ["PIPELINE"] = "from-env", ["SEED"] = "2" };
        var build = new ParameterBuild();

        BuildRun.Of(build, ["Show", "--pipeline", "from-cli"], environment, root);

        Assert.Equal("from-cli", build.Pipeline);
        Assert.Equal(2, build.Seed);
        Assert.Equal(0.5, build.Holdout);
        Assert.False(build.Force);
    }

    [Fact]
    public void Run_EmptyEnvironmentVariable_CountsAsUnset()
    {
        var build = new ParameterBuild();

        BuildRun.Of(build, ["Show"], new Dictionary<string, string?> { ["PIPELINE"] = "" });

        Assert.Equal("churn", build.Pipeline);
    }

    [Fact]
    public void Run_RootSearch_WalksUpFromWorkingDirectory()
    {
        var root = RootWithParameters("""{ "Pipeline": "from-root" }""");
        var nested = Directory.CreateDirectory(Path.Combine(root, "src", "deep")).FullName;
        var build = new ParameterBuild();

        BuildRun.Of(build, ["Show"], workingDirectory: nested);

        Assert.Equal(root, build.RootDirectory.Value);
        Assert.Equal("from-root", build.Pipeline);
    }

    [Fact]
    public void Run_RootOption_OverridesSearch()
    {
        var root = RootWithParameters("""{ "Pipeline": "elsewhere" }""");
        var build = new ParameterBuild();

        BuildRun.Of(build, ["Show", "--root", root]);

        Assert.Equal("elsewhere", build.Pipeline);
    }

    [Theory]
    [InlineData("--seed", "abc", "Invalid value 'abc' for parameter 'Seed' (--seed, from the command line): expected int.")]
    [InlineData("--holdout", "1,5", "Invalid value '1,5' for parameter 'Holdout' (--holdout, from the command line): expected double.")]
    [InlineData("--deployment", "staging", "Invalid value 'staging' for parameter 'Deployment' (--deployment, from the command line): expected one of Development|Production.")]
    public void Run_BadValue_IsUsageErrorNamingParameterAndType(string option, string value, string message)
    {
        var run = BuildRun.Of(new ParameterBuild(), ["Show", option, value]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(message, run.Lines.Single());
    }

    [Fact]
    public void Run_BadValueInEnvironment_NamesTheVariable()
    {
        var run = BuildRun.Of(new ParameterBuild(), ["Show"], new Dictionary<string, string?> { ["SEED"] = "x" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("from environment variable SEED", run.Output);
    }

    [Fact]
    public void Run_ParametersFileTargetAndSkip_UsedWhenCommandLineHasNone()
    {
        var root = RootWithParameters("""{ "Target": ["Evaluate"], "Skip": ["Restore"] }""");
        var fromFile = new PipelineBuild();
        var fromCommandLine = new PipelineBuild();

        BuildRun.Of(fromFile, [], workingDirectory: root);
        BuildRun.Of(fromCommandLine, ["Retrain", "--skip", "Push"], workingDirectory: root);

        Assert.Equal(["Retrain", "Evaluate"], fromFile.Ran);
        Assert.Equal(["Restore", "Retrain"], fromCommandLine.Ran);
    }

    [Fact]
    public void Run_UnknownKeyInParametersFile_Warns()
    {
        var root = RootWithParameters("""{ "Pipline": "x" }""");

        var run = BuildRun.Of(new ParameterBuild(), ["Show"], workingDirectory: root);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[WRN] .nuke/parameters.json: 'Pipline' is not a parameter of this build (ignored).", run.Output);
    }

    [Fact]
    public void Run_InvalidParametersFile_IsUsageError()
    {
        var root = RootWithParameters("{ not json");

        var run = BuildRun.Of(new ParameterBuild(), ["Show"], workingDirectory: root);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("parameters.json: not valid JSON", run.Output);
    }

    private static string RootWithParameters(string json)
    {
        var root = TempDirectory.Create();
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        File.WriteAllText(Path.Combine(root, ".nuke", "parameters.json"), json);
        return root;
    }
}
