using System.Diagnostics;
using System.Text.Json;
using ModelPipeline.Targets;
using ModelPipeline.Training;

namespace ModelPipeline.Build;

/// <summary>
/// Runs build/Stages/Benchmarks/peers.py (Debian's /usr/bin/python3 with python3-sklearn and python3-xgboost), one
/// process per model, on the train and holdout rows ours used, and reads the figures it prints.
/// </summary>
internal sealed class PeerRunner(string script, BuildLog log)
{
    /// <summary>The Debian packages the peers need (installed by the Benchmark target as root).</summary>
    public static readonly string[] Packages = ["python3-sklearn", "python3-pandas", "python3-xgboost"];

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The peer models for our trainer: scikit-learn's counterpart, and XGBoost beside gradient boosting.</summary>
    public static IReadOnlyList<string> ModelsFor(string trainer) => trainer switch
    {
        "gradient_boosting" => ["hgb", "xgb"],
        "logistic_regression" => ["logreg"],
        _ => ["ridge"],
    };

    /// <summary>The peer's figures, or null (with a warning) when it could not run.</summary>
    public PeerResult? Run(string model, TaskKind task, string label, string train, string holdout, IEnumerable<string> textColumns)
    {
        var arguments = new List<string>
        {
            script, "--model", model, "--task", task.ToString().ToLowerInvariant(), "--train", train, "--holdout", holdout,
            "--label", label, $"--text={string.Join(",", textColumns)}",
        };
        var info = new ProcessStartInfo("/usr/bin/python3", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                var last = error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
                log.Warning($"  peer {model} failed (exit {process.ExitCode}): {last}");
                return null;
            }

            var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
            return JsonSerializer.Deserialize<PeerResult>(line, Json);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            log.Warning($"  peer {model} skipped: /usr/bin/python3 is missing (Debian: apt-get install {string.Join(' ', Packages)})");
            return null;
        }
    }
}
