using System.Diagnostics;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace ModelPipeline.Build.Tests;

/// <summary>
/// Replays steps of a generated workflow file in a <see cref="PipelineWorkspace"/>, as a runner would run them: a
/// <c>./build.sh ...</c> line runs the build in-process with the step's arguments (variables like <c>$RUNNER_TEMP</c>
/// expanded), any other script runs with <c>bash --noprofile --norc -eo pipefail</c>; each step writes its own
/// <c>$GITHUB_OUTPUT</c> file, and job outputs and <c>if:</c> conditions are evaluated from what the steps wrote
/// (<see cref="WorkflowExpression"/>). Actions (<c>uses:</c>) are not run: the workspace stands for what they hand on.
/// Sets GITHUB_OUTPUT in the process environment: use it in <see cref="ProcessEnvironmentCollection"/> tests.
/// </summary>
internal sealed class WorkflowReplay
{
    private readonly YamlMappingNode jobs;

    public WorkflowReplay(string file)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(file))
        {
            stream.Load(reader);
        }

        jobs = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["jobs"];
    }

    /// <summary>The committed .github/workflows/retrain.yml.</summary>
    public static WorkflowReplay Committed() =>
        new(Path.Combine(PipelineWorkspace.RepositoryRoot, ".github", "workflows", "retrain.yml"));

    public YamlMappingNode Job(string id) => (YamlMappingNode)jobs[id];

    /// <summary>A key of a mapping as text, or null when absent.</summary>
    public static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    public static IReadOnlyList<string> List(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value)
            ? ((YamlSequenceNode)value).Children.Select(c => ((YamlScalarNode)c).Value!).ToArray()
            : [];

    public static IReadOnlyDictionary<string, string> Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value)
            ? ((YamlMappingNode)value).Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value!, StringComparer.Ordinal)
            : new Dictionary<string, string>();

    public IReadOnlyList<YamlMappingNode> Steps(string job) =>
        ((YamlSequenceNode)Job(job)["steps"]).Children.Cast<YamlMappingNode>().ToArray();

    public YamlMappingNode Step(string job, string name) =>
        Steps(job).SingleOrDefault(s => Text(s, "name") == name) ?? throw new InvalidOperationException($"job {job} has no step '{name}'");

    /// <summary>
    /// Runs one step with <paramref name="environment"/> (plus the step's <c>env:</c>, whose <c>${{ secrets.X }}</c> come
    /// from <paramref name="secrets"/>); returns its exit code, what it printed and the outputs it wrote.
    /// </summary>
    public static (int ExitCode, string Output, IReadOnlyDictionary<string, string> Outputs) Run(
        PipelineWorkspace workspace, IDictionary<string, string?> environment, YamlMappingNode step, IReadOnlyDictionary<string, string>? secrets = null)
    {
        var script = Text(step, "run") ?? throw new InvalidOperationException($"step '{Text(step, "name")}' runs no script");
        var env = new Dictionary<string, string?>(environment);
        foreach (var (name, value) in Map(step, "env"))
        {
            env[name] = value.StartsWith("${{ secrets.", StringComparison.Ordinal)
                ? secrets?.GetValueOrDefault(value["${{ secrets.".Length..^" }}".Length]) ?? ""
                : value.Contains("${{", StringComparison.Ordinal) ? throw new NotSupportedException($"step env {name}: {value}") : value;
        }

        var outputs = Path.Combine(workspace.Root, ".tmp", $"github-output-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.GetDirectoryName(outputs)!);
        env["GITHUB_OUTPUT"] = outputs;
        var saved = Environment.GetEnvironmentVariable("GITHUB_OUTPUT");
        Environment.SetEnvironmentVariable("GITHUB_OUTPUT", outputs);
        try
        {
            var (exit, output) = script.StartsWith("./build.sh ", StringComparison.Ordinal) && !script.Trim().Contains('\n', StringComparison.Ordinal)
                ? workspace.Build(env, Words(script["./build.sh ".Length..], env))
                : Bash(workspace.Root, script, env);
            return (exit, output, File.Exists(outputs) ? ReadOutputs(outputs) : new Dictionary<string, string>());
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_OUTPUT", saved);
        }
    }

    /// <summary>
    /// The job's <c>outputs:</c> evaluated from its steps' outputs (by step id), combined over matrix legs as GitHub does:
    /// an empty value does not replace another leg's.
    /// </summary>
    public IReadOnlyDictionary<string, string> JobOutputs(string job, params Dictionary<string, IReadOnlyDictionary<string, string>>[] legs)
    {
        var combined = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var leg in legs)
        {
            foreach (var (name, template) in Map(Job(job), "outputs"))
            {
                var path = template["${{ steps.".Length..^" }}".Length].Split(".outputs.");
                var value = leg.TryGetValue(path[0], out var step) ? step.GetValueOrDefault(path[1]) ?? "" : "";
                if (value.Length > 0 || !combined.ContainsKey(name))
                {
                    combined[name] = value;
                }
            }
        }

        return combined;
    }

    /// <summary>The context an <c>if:</c> reads: <c>github.event_name</c> and <c>needs.&lt;job&gt;.outputs.&lt;name&gt;</c>.</summary>
    public static Dictionary<string, string> Context(string eventName, params (string Job, IReadOnlyDictionary<string, string> Outputs)[] needs)
    {
        var context = new Dictionary<string, string>(StringComparer.Ordinal) { ["github.event_name"] = eventName };
        foreach (var (job, outputs) in needs)
        {
            foreach (var (name, value) in outputs)
            {
                context[$"needs.{job}.outputs.{name}"] = value;
            }
        }

        return context;
    }

    private static Dictionary<string, string> ReadOutputs(string file)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            var heredoc = lines[i].IndexOf("<<", StringComparison.Ordinal);
            if (heredoc > 0)
            {
                var (name, delimiter) = (lines[i][..heredoc], lines[i][(heredoc + 2)..]);
                var value = new List<string>();
                while (lines[++i] != delimiter)
                {
                    value.Add(lines[i]);
                }

                outputs[name] = string.Join('\n', value);
            }
            else if (lines[i].IndexOf('=', StringComparison.Ordinal) is > 0 and var eq)
            {
                outputs[lines[i][..eq]] = lines[i][(eq + 1)..];
            }
        }

        return outputs;
    }

    /// <summary>Shell words of a command line: double quotes group, <c>$NAME</c> expands from <paramref name="env"/>.</summary>
    private static string[] Words(string line, IDictionary<string, string?> env)
    {
        var expanded = System.Text.RegularExpressions.Regex.Replace(line, @"\$([A-Z_][A-Z0-9_]*)", m => env.TryGetValue(m.Groups[1].Value, out var v) ? v ?? "" : "");
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        foreach (var c in expanded)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }

    private static (int, string) Bash(string directory, string script, IDictionary<string, string?> env)
    {
        var start = new ProcessStartInfo("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH");
        foreach (var (name, value) in env)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
