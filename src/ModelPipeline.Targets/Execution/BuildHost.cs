using System.Collections;

namespace ModelPipeline.Targets;

/// <summary>
/// What a build runs against: its output and log, environment variables, working directory and clock.
/// <see cref="FromProcess"/> is the real console; tests pass a <see cref="StringWriter"/> and a dictionary.
/// </summary>
public sealed class BuildHost
{
    /// <summary>
    /// Where what the user asked to see goes: <c>--help</c>, <c>--plan</c> and <see cref="BuildLog.Result"/> (a table of
    /// versions, a Markdown diff); standard output. Also the log when <see cref="Log"/> is null (secrets masked).
    /// </summary>
    public required TextWriter Output { get; init; }

    /// <summary>
    /// Where log lines, target headers, errors and the summary table go: standard error for <see cref="FromProcess"/>.
    /// Null: <see cref="Output"/>. On GitHub Actions, which reads workflow commands from standard output, the log goes
    /// to <see cref="Output"/> whatever this is.
    /// </summary>
    public TextWriter? Log { get; init; }

    /// <summary>Environment variables (parameters, <c>CI</c>, <c>GITHUB_ACTIONS</c>, <c>NO_COLOR</c>).</summary>
    public required IDictionary<string, string?> Environment { get; init; }

    /// <summary>Where the search for the root directory (the folder containing <c>.nuke/</c>) starts.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Measures target durations.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Whether the log is written to an interactive terminal (colours are used only then, and without <c>CI</c>/<c>NO_COLOR</c>).</summary>
    public bool IsTerminal { get; init; }

    /// <summary>The terminal's width in characters when <see cref="IsTerminal"/>; the summary table fits in it (in 100 otherwise).</summary>
    public int? Columns { get; init; }

    /// <summary>
    /// Signalled to stop the build: targets not yet started become NotRun (AssuredAfterFailure ones still run).
    /// <see cref="FromProcess"/> signals it on the first Ctrl+C; a second Ctrl+C ends the process.
    /// </summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>True for <see cref="FromProcess"/>: <see cref="Console.Out"/> is redirected through the secret mask too.</summary>
    internal bool OwnsConsole { get; init; }

    /// <summary>The real console and process environment.</summary>
    public static BuildHost FromProcess()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, press) =>
        {
            if (!cancellation.IsCancellationRequested)
            {
                press.Cancel = true;
                Console.Error.WriteLine("Cancelling after the running target (press Ctrl+C again to abort now)...");
                cancellation.Cancel();
            }
        };

        var terminal = !Console.IsErrorRedirected;
        return new BuildHost
        {
            Cancellation = cancellation.Token,
            Output = Console.Out,
            Log = Console.Error,
            Environment = variables,
            IsTerminal = terminal,
            Columns = terminal ? WindowWidth() : null,
            OwnsConsole = true,
        };
    }

    private static int? WindowWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }
}
