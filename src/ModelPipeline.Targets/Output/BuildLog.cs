namespace ModelPipeline.Targets;

/// <summary>
/// Lines written by targets and the engine: <c>HH:mm:ss [INF] message</c> locally, without timestamps on a server
/// build (CI), coloured only on an interactive terminal. On GitHub Actions warnings and errors also become annotations.
/// Log lines go to standard error and a target's <see cref="Result"/> to standard output (on GitHub Actions, which
/// reads workflow commands from standard output, both go there). Secret parameter values are replaced with <c>***</c>.
/// </summary>
public sealed class BuildLog
{
    private readonly TextWriter writer;
    private readonly TextWriter results;
    private readonly LogStyle style;
    private readonly TimeProvider time;

    internal BuildLog(TextWriter writer, TextWriter results, LogStyle style, TimeProvider time)
    {
        this.writer = writer;
        this.results = results;
        this.style = style;
        this.time = time;
    }

    /// <summary>Held while writing, so lines from worker threads and a progress bar's redraws do not interleave.</summary>
    internal object Sync { get; } = new();

    /// <summary>The bar drawn on the terminal's last line, if any; other lines are written above it.</summary>
    internal ProgressBar? ActiveProgress { get; set; }

    /// <summary>
    /// Starts a progress bar for <paramref name="total"/> steps: redrawn in place on an interactive terminal,
    /// plain lines on a server build or a redirected output. Dispose it when the work ends.
    /// </summary>
    public ProgressBar Progress(string title, int total)
    {
        lock (Sync)
        {
            ActiveProgress?.Dispose();
            var bar = new ProgressBar(this, title, total, style.Interactive);
            if (style.Interactive)
            {
                ActiveProgress = bar;
                bar.Draw();
            }

            return bar;
        }
    }

    /// <summary>Whether output is an interactive terminal on a local build (progress bars redraw in place).</summary>
    public bool IsInteractive => style.Interactive;

    /// <summary>Whether <see cref="Debug"/> lines are written (<c>--verbose</c>).</summary>
    public bool IsVerbose => style.Verbose;

    /// <summary>Writes detail shown only with <c>--verbose</c>.</summary>
    public void Debug(string message)
    {
        if (style.Verbose)
        {
            Write("DBG", message, Ansi.Dim);
        }
    }

    /// <summary>Writes a normal progress line.</summary>
    public void Information(string message) => Write("INF", message, null);

    /// <summary>Writes a line that needs attention but does not fail the build.</summary>
    public void Warning(string message)
    {
        Write("WRN", message, Ansi.Yellow);
        Annotate("warning", message);
    }

    /// <summary>Writes a failure line (throwing fails the target; this only reports).</summary>
    public void Error(string message)
    {
        Write("ERR", message, Ansi.Red);
        Annotate("error", message);
    }

    /// <summary>Writes a line reporting something that went well.</summary>
    public void Success(string message) => Write("INF", message, Ansi.Green);

    /// <summary>
    /// Writes what the user asked to see (a table of versions, a Markdown diff) to standard output as is: no level,
    /// no timestamp, no colour, so <c>./build.sh DiffVersions --markdown &gt; diff.md</c> holds only the Markdown.
    /// </summary>
    public void Result(string text)
    {
        lock (Sync)
        {
            ClearProgressLine();
            results.WriteLine(text);
            results.Flush();
            ActiveProgress?.Draw();
        }
    }

    /// <summary>
    /// One line of a mistake in the user's input (<c>file:line:column: key: what was expected</c>), as is: no level,
    /// no timestamp. On GitHub Actions also an error annotation, on the file and line when the line starts with them.
    /// </summary>
    internal void Mistake(string line)
    {
        Plain(line, Ansi.Red);
        if (style.GitHubActions)
        {
            lock (Sync)
            {
                writer.WriteLine(InputPosition.Annotation(line));
            }
        }
    }

    /// <summary>Writes a line as is (no level, no timestamp), e.g. a table.</summary>
    internal void Plain(string text, string? colour = null)
    {
        lock (Sync)
        {
            ClearProgressLine();
            writer.WriteLine(colour is not null && style.Colors ? colour + text + Ansi.Reset : text);
            ActiveProgress?.Draw();
        }
    }

    /// <summary>Replaces the terminal's current line with <paramref name="text"/> (no newline).</summary>
    internal void DrawProgressLine(string text)
    {
        writer.Write("\r" + Ansi.ClearLine + (style.Colors ? Ansi.Cyan + text + Ansi.Reset : text));
        writer.Flush();
    }

    /// <summary>Leaves the bar's last state on its own line.</summary>
    internal void EndProgressLine() => writer.WriteLine();

    private void ClearProgressLine()
    {
        if (ActiveProgress is not null)
        {
            writer.Write("\r" + Ansi.ClearLine);
        }
    }

    private void Write(string level, string message, string? colour)
    {
        lock (Sync)
        {
            ClearProgressLine();
            var prefix = style.Timestamps ? $"{time.GetLocalNow():HH:mm:ss} [{level}] " : $"[{level}] ";
            foreach (var line in message.Split('\n'))
            {
                var text = prefix + line.TrimEnd('\r');
                writer.WriteLine(colour is not null && style.Colors ? colour + text + Ansi.Reset : text);
            }

            ActiveProgress?.Draw();
        }
    }

    private void Annotate(string kind, string message)
    {
        if (style.GitHubActions)
        {
            lock (Sync)
            {
                writer.WriteLine($"::{kind}::{InputPosition.Escape(message)}");
            }
        }
    }
}
