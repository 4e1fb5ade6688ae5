namespace ModelPipeline.Targets.Tests;

/// <summary>Runs that own the process console (as <see cref="BuildHost.FromProcess"/> does); not run in parallel.</summary>
[CollectionDefinition(nameof(ConsoleTests), DisableParallelization = true)]
[Collection(nameof(ConsoleTests))]
public sealed class ConsoleTests
{
    [Fact]
    public void Run_OwningConsole_MasksSecretsWrittenToConsoleAndRestoresIt()
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var (originalOut, originalError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        int exitCode;
        try
        {
            var host = new BuildHost
            {
                Output = Console.Out,
                Environment = new Dictionary<string, string?> { ["API_TOKEN"] = "tok-123456" },
                WorkingDirectory = TempDirectory.Shared,
                OwnsConsole = true,
            };
            exitCode = BuildRunner.Run(() => new ConsoleBuild(), typeof(ConsoleBuild), ["Print"], null, host);
            Console.WriteLine("after tok-123456");
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }

        Assert.Equal(0, exitCode);
        Assert.Contains("out ***", output.ToString());
        Assert.Contains("err ***", error.ToString());
        Assert.Contains("after tok-123456", output.ToString());
        Assert.DoesNotContain("out tok-123456", output.ToString());
    }

    private sealed class ConsoleBuild : BuildDefinition
    {
        [Parameter]
        [Secret]
        public string? ApiToken;

        public Target Print => _ => _.Executes(() =>
        {
            Console.WriteLine($"out {ApiToken}");
            Console.Error.WriteLine($"err {ApiToken}");
        });
    }
}
