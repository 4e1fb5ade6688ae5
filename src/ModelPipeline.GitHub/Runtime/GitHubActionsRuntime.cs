using System.Collections;
using System.Text;

namespace ModelPipeline.GitHub;

/// <summary>
/// GitHub Actions workflow commands and environment files. When <c>GITHUB_ACTIONS</c> is not <c>true</c> everything
/// degrades to plain text: annotations become <c>error: file:line:col: message</c> lines, outputs and the summary are
/// dropped. The environment is injected (<see cref="ProcessEnvironment"/> for the real one) so tests use a fake.
/// Group and <c>::add-mask::</c> for [Secret] parameters are written by the target engine already.
/// </summary>
public sealed class GitHubActionsRuntime(IReadOnlyDictionary<string, string> environment, TextWriter output)
{
    /// <summary>True when <c>GITHUB_ACTIONS=true</c>.</summary>
    public bool IsActive { get; } = environment.TryGetValue("GITHUB_ACTIONS", out var value) && value.Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The current process's environment variables.</summary>
    public static IReadOnlyDictionary<string, string> ProcessEnvironment() =>
        System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string ?? "", StringComparer.Ordinal);

    /// <summary>Appends <c>name=value</c> (or a random-delimiter block for multi-line values) to <c>$GITHUB_OUTPUT</c>.</summary>
    public void SetOutput(string name, string value) => AppendEnvironmentFile("GITHUB_OUTPUT", name, value);

    /// <summary>Sets an environment variable for later steps (<c>$GITHUB_ENV</c>).</summary>
    public void SetEnvironment(string name, string value) => AppendEnvironmentFile("GITHUB_ENV", name, value);

    /// <summary>Appends Markdown to the job summary (<c>$GITHUB_STEP_SUMMARY</c>).</summary>
    public void AppendSummary(string markdown)
    {
        if (IsActive && environment.TryGetValue("GITHUB_STEP_SUMMARY", out var path) && path.Length > 0)
        {
            File.AppendAllText(path, markdown.EndsWith('\n') ? markdown : markdown + "\n", Utf8);
        }
    }

    /// <summary><c>::error file=…,line=…,col=…::message</c>: an annotation on the file in the run and the PR diff.</summary>
    public void Error(string? file, int? line, int? column, string message) => Annotate("error", file, line, column, message);

    /// <summary><c>::warning file=…::message</c>.</summary>
    public void Warning(string? file, int? line, int? column, string message) => Annotate("warning", file, line, column, message);

    /// <summary><c>::add-mask::value</c>: GitHub replaces the value with *** in all later log lines (each line masked separately).</summary>
    public void Mask(string value)
    {
        if (!IsActive || value.Length == 0)
        {
            return;
        }

        foreach (var line in value.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(l => l.Length > 0))
        {
            output.WriteLine($"::add-mask::{WorkflowCommandText.EscapeData(line)}");
        }
    }

    void Annotate(string kind, string? file, int? line, int? column, string message)
    {
        if (!IsActive)
        {
            var where = file is null ? "" : $"{file}{(line is null ? "" : $":{line}")}{(column is null ? "" : $":{column}")}: ";
            output.WriteLine($"{kind}: {where}{message}");
            return;
        }

        var properties = new List<string>();
        if (file is not null)
        {
            properties.Add($"file={WorkflowCommandText.EscapeProperty(file)}");
        }

        if (line is not null)
        {
            properties.Add($"line={line}");
        }

        if (column is not null)
        {
            properties.Add($"col={column}");
        }

        var head = properties.Count == 0 ? kind : $"{kind} {string.Join(',', properties)}";
        output.WriteLine($"::{head}::{WorkflowCommandText.EscapeData(message)}");
    }

    void AppendEnvironmentFile(string variable, string name, string value)
    {
        if (!IsActive)
        {
            return;
        }

        if (!environment.TryGetValue(variable, out var path) || path.Length == 0)
        {
            throw new InvalidOperationException($"{variable} is not set: cannot set '{name}' (is this running inside a GitHub Actions step?)");
        }

        File.AppendAllText(path, WorkflowCommandText.EnvironmentFileEntry(name, value, Guid.NewGuid()), Utf8);
    }

    static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
}
