using System.Diagnostics;
using System.Globalization;

namespace ModelPipeline.Targets;

/// <summary>
/// Progress of one long piece of work (search trials, boosting rounds). On an interactive terminal it is one line
/// redrawn in place: <c>title [#######---------] 12/40 30% 0:14 left detail</c>; log lines written meanwhile appear
/// above it. On a server build (CI) or a redirected output it writes plain lines instead: one per report that
/// carries a detail, otherwise one per tenth of the work. Reports may come from any thread. Dispose to finish.
/// </summary>
public sealed class ProgressBar : IDisposable
{
    private const int BarWidth = 24;
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly BuildLog log;
    private readonly string title;
    private readonly int total;
    private readonly bool interactive;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan lastDrawn = TimeSpan.MinValue;
    private int done;
    private int lastTenth;
    private string? detail;
    private bool finished;

    internal ProgressBar(BuildLog log, string title, int total, bool interactive)
    {
        this.log = log;
        this.title = title;
        this.total = Math.Max(total, 1);
        this.interactive = interactive;
    }

    /// <summary>How many of the steps are done.</summary>
    public int Done => done;

    /// <summary>Records that <paramref name="completed"/> steps are done (never moves back), with an optional line about the last one.</summary>
    public void Report(int completed, string? detail = null)
    {
        lock (log.Sync)
        {
            if (finished)
            {
                return;
            }

            done = Math.Max(done, Math.Min(completed, total));
            this.detail = detail ?? this.detail;
            if (interactive)
            {
                if (done == total || clock.Elapsed - lastDrawn >= RedrawInterval)
                {
                    Draw();
                }

                return;
            }

            var tenth = done * 10 / total;
            if (detail is not null || tenth > lastTenth)
            {
                lastTenth = tenth;
                log.Information(detail is null ? $"{title} {done}/{total}" : $"{title} {done}/{total}: {detail}");
            }
        }
    }

    /// <summary>
    /// Ends the bar: the terminal keeps its last state on a line of its own; work that ended before the total
    /// (converged, stopped early) shows a full bar and the steps it took.
    /// </summary>
    public void Dispose()
    {
        lock (log.Sync)
        {
            if (finished)
            {
                return;
            }

            finished = true;
            if (interactive)
            {
                Draw();
                log.EndProgressLine();
            }

            log.ActiveProgress = null;
        }
    }

    /// <summary>The bar's text as drawn on a terminal (without escape sequences).</summary>
    internal string Text()
    {
        if (finished && done < total)
        {
            // Work that may end early (convergence, early stopping): a full bar and how many steps it took.
            var early = $"{title} [{new string('#', BarWidth)}] done after {done} of at most {total} in {Duration(clock.Elapsed)}";
            return detail is null ? early : early + "  " + detail;
        }

        var filled = (int)Math.Round((double)done / total * BarWidth);
        var percent = (int)Math.Floor(100.0 * done / total);
        var text = $"{title} [{new string('#', filled)}{new string('-', BarWidth - filled)}] {done}/{total} {percent,3}%";
        if (done > 0 && done < total)
        {
            var left = TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / done * (total - done));
            text += " " + Duration(left) + " left";
        }
        else if (done == total)
        {
            text += " in " + Duration(clock.Elapsed);
        }

        return detail is null ? text : text + "  " + detail;
    }

    /// <summary>Redraws the line (the caller holds <see cref="BuildLog.Sync"/>).</summary>
    internal void Draw()
    {
        lastDrawn = clock.Elapsed;
        log.DrawProgressLine(Text());
    }

    private static string Duration(TimeSpan span) => span.TotalHours >= 1
        ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : span.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
