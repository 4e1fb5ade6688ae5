using ModelPipeline.Targets;

namespace ModelPipeline.Build;

internal sealed partial class Build
{
    [Parameter("Cases per parser for the Fuzz target (the default test suite runs 300)")]
    readonly int FuzzCases = 10_000;

    Target Fuzz => _ => _
        .Description("Fuzz every parser a user or client reaches (pipeline YAML, CSV, Parquet, scoring bodies, model files, registry JSON, profiles, command-line parameters) with --fuzz-cases mutated inputs each")
        .Executes(() =>
        {
            if (FuzzCases < 1)
            {
                throw new InputMistakeException($"--fuzz-cases must be at least 1; got {FuzzCases}.");
            }

            var results = RootDirectory / ".tmp" / "fuzz-results";
            if (Directory.Exists(results))
            {
                Directory.Delete(results, recursive: true);
            }

            var solution = RootDirectory / "ModelPipeline.sln";
            if (RunProcess("dotnet", $"build \"{solution}\" -c Release --nologo") is var built and not 0)
            {
                throw new InvalidOperationException($"dotnet build failed (exit code {built})");
            }

            Environment.SetEnvironmentVariable("FUZZ_CASES", FuzzCases.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var exit = RunProcess("dotnet",
                $"test \"{solution}\" -c Release --no-build --nologo --filter \"Category=Fuzz\" --logger trx --results-directory \"{results}\"" +
                " -- RunConfiguration.TreatNoTestsAsError=false");
            var (passed, failed, _) = CountResults(results);
            Console.WriteLine($"Fuzz: {passed} fuzz tests passed ({FuzzCases:N0} cases per parser), {failed} failed");
            if (exit != 0 || failed > 0)
            {
                throw new InvalidOperationException($"fuzzing found failing cases (exit code {exit}, {failed} failed properties); each names its case number");
            }
        });
}
