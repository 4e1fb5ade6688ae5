using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.Onnx.Command;

/// <summary>
/// Runs an external training command (<c>trainer.type: command</c>) with <c>/bin/sh -c</c> in the repository root:
/// the training rows go to a CSV file and everything else to environment variables (docs/pipeline-yaml.md), and the
/// command must write an ONNX model to <c>MP_OUTPUT</c>. Killed with its children past the time limit.
/// </summary>
public sealed class TrainingCommand(string command, TimeSpan timeLimit)
{
    private const int StderrTailLines = 12;

    public string Command { get; } = command;

    public TimeSpan TimeLimit { get; } = timeLimit;

    /// <summary>
    /// Writes <paramref name="train"/> to a temporary folder, runs the command there and returns the ONNX bytes it wrote
    /// (checked: OnnxRuntime loads them, and the model's inputs are columns of the training rows).
    /// </summary>
    /// <exception cref="TrainingCommandException">Exit code not 0 (with the tail of stderr), time limit, or no output file.</exception>
    /// <exception cref="OnnxModelException">The output is not a valid ONNX model, or has no output fitting the task.</exception>
    /// <exception cref="ModelSchemaException">The model's inputs do not match the data's columns (both listed).</exception>
    public byte[] Run(Frame train, TrainingRequest request, string workingDirectory, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(request);
        var folder = Path.Combine(Path.GetTempPath(), "mp-train-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            var rows = Path.Combine(folder, "train.csv");
            var output = Path.Combine(folder, "model.onnx");
            TrainingRowsCsv.Write(train, rows);
            var (exit, stderr) = Execute(workingDirectory, Environment(request, rows, output, folder), log);
            if (exit is null)
            {
                throw new TrainingCommandException($"trainer command `{Command}` ran past its time limit of {TimeLimit.TotalSeconds:0.#} s and was killed (trainer.timeout_seconds)");
            }

            if (exit != 0)
            {
                throw new TrainingCommandException($"trainer command `{Command}` exited with code {exit}: {Tail(stderr)}");
            }

            if (!File.Exists(output))
            {
                throw new TrainingCommandException($"trainer command `{Command}` exited with code 0 but wrote no model to $MP_OUTPUT ({output})");
            }

            var bytes = File.ReadAllBytes(output);
            using var model = LoadOutput(bytes, request);
            model.CheckInputs(train);
            return bytes;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private OnnxModel LoadOutput(byte[] bytes, TrainingRequest request)
    {
        try
        {
            return OnnxModel.Load(bytes, request.Task, request.Classes);
        }
        catch (OnnxModelException error)
        {
            throw new OnnxModelException($"trainer command `{Command}` wrote {bytes.Length:N0} bytes to $MP_OUTPUT, but {error.Message}", error);
        }
    }

    private static Dictionary<string, string> Environment(TrainingRequest request, string rows, string output, string folder)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["MP_TRAIN_CSV"] = rows,
            ["MP_OUTPUT"] = output,
            ["MP_WORK_DIR"] = folder,
            ["MP_TASK"] = request.Task.ToString().ToLowerInvariant(),
            ["MP_LABEL"] = request.Label,
            ["MP_CLASSES"] = JsonSerializer.Serialize([.. request.Classes], OnnxJsonContext.Default.StringArray),
            ["MP_SEED"] = request.Seed.ToString(CultureInfo.InvariantCulture),
            ["MP_PARAMS"] = JsonSerializer.Serialize(new SortedDictionary<string, string>(request.Parameters.ToDictionary(), StringComparer.Ordinal), OnnxJsonContext.Default.SortedDictionaryStringString),
        };
        foreach (var (name, value) in request.Parameters)
        {
            variables["MP_PARAM_" + name.ToUpperInvariant()] = value;
        }

        return variables;
    }

    /// <summary>Runs the command; null exit code = killed at the time limit. Stdout lines go to <paramref name="log"/>.</summary>
    private (int? Exit, string Stderr) Execute(string workingDirectory, Dictionary<string, string> variables, Action<string>? log)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Command);
        foreach (var (name, value) in variables)
        {
            info.Environment[name] = value;
        }

        using var process = new Process { StartInfo = info };
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                log?.Invoke(line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (stderr)
                {
                    stderr.AppendLine(line);
                }
            }
        };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeLimit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (null, stderr.ToString());
        }

        process.WaitForExit();
        lock (stderr)
        {
            return (process.ExitCode, stderr.ToString());
        }
    }

    private static string Tail(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(nothing on stderr)" : string.Join(" | ", lines.TakeLast(StderrTailLines));
    }
}
