namespace ModelPipeline.Targets;

/// <summary>
/// Lines written by targets and the engine: <c>HH:mm:ss [INF] message</c> locally, without timestamps on a server
/// build (CI), coloured only on an interactive terminal. On GitHub Actions warnings and errors also become annotations.
/// Secret parameter values are replaced with <c>***</c>.
/// </summary>
public sealed class BuildLog
{
    private readonly TextWriter writer;
    private readonly LogStyle style;
    private readonly TimeProvider time;

    internal BuildLog(TextWriter writer, LogStyle style, TimeProvider time)
    {
        this.writer = writer;
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
                writer.WriteLine($"::{kind}::{message.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A")}");
            }
        }
    }
}
