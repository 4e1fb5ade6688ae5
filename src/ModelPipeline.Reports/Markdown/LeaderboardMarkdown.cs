using System.Text;
using static ModelPipeline.Reports.MarkdownText;

namespace ModelPipeline.Reports;

/// <summary>The Markdown report's "Model search" table (<c>trainer.type: auto</c>): the best candidates, the chosen one first.</summary>
internal static class LeaderboardMarkdown
{
    /// <summary>Rows shown; the HTML report and the version's lineage have all of them.</summary>
    public const int MaxRows = 15;

    public static void Append(StringBuilder md, Leaderboard? leaderboard)
    {
        if (leaderboard is null)
        {
            return;
        }

        md.Append("#### Model search\n\n<sub>").Append(Cell(leaderboard.Summary, 500)).Append("</sub>\n\n")
            .Append("| # | Trainer | Parameters | Scored with | ").Append(Cell(leaderboard.Metric)).Append(" (CV) | ± sd |\n|---:|:---|:---|:---|---:|---:|\n");
        foreach (var row in leaderboard.Rows.Take(MaxRows))
        {
            md.Append("| ").Append(row.Chosen ? $"**{row.Index}** ✅" : row.Index.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(" | ").Append(Cell(row.Trainer)).Append(" | ").Append(Code(row.Parameters, 200)).Append(" | ").Append(Cell(row.Stage))
                .Append(" | ").Append(row.Error is null ? Numbers.Metric(row.Mean) : Cell(row.Error, 120)).Append(" | ").Append(Numbers.Metric(row.Spread)).Append(" |\n");
        }

        if (leaderboard.Rows.Count > MaxRows)
        {
            md.Append("\n<sub>").Append(leaderboard.Rows.Count - MaxRows).Append(" more candidates in the HTML report and the version's lineage.</sub>\n");
        }

        md.Append('\n');
    }
}
