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
    internal void Plain(string text, string? colour = null) =>
        writer.WriteLine(colour is not null && style.Colors ? colour + text + Ansi.Reset : text);

    private void Write(string level, string message, string? colour)
    {
        var prefix = style.Timestamps ? $"{time.GetLocalNow():HH:mm:ss} [{level}] " : $"[{level}] ";
        foreach (var line in message.Split('\n'))
        {
            var text = prefix + line.TrimEnd('\r');
            writer.WriteLine(colour is not null && style.Colors ? colour + text + Ansi.Reset : text);
        }
    }

    private void Annotate(string kind, string message)
    {
        if (style.GitHubActions)
        {
            writer.WriteLine($"::{kind}::{message.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A")}");
        }
    }
}
