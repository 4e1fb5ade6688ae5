namespace ModelPipeline.Reports;

/// <summary>Makes user text safe inside GitHub-flavoured Markdown tables and mermaid strings.</summary>
internal static class MarkdownText
{
    /// <summary>One table cell: no line breaks, pipes escaped, HTML tags shown as text, at most <paramref name="max"/> chars.</summary>
    public static string Cell(string? text, int max = 300)
    {
        var flat = (text ?? string.Empty).ReplaceLineEndings(" ");
        if (flat.Length > max)
        {
            flat = flat[..(max - 1)] + "…";
        }

        return flat.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("|", "\\|");
    }

    /// <summary>
    /// A code span (`…`) for identifiers such as hashes: HTML is inert inside one, so only backticks (which would end
    /// it) and pipes (which would split a table cell) are replaced.
    /// </summary>
    public static string Code(string? text, int max = 120)
    {
        var flat = (text ?? string.Empty).ReplaceLineEndings(" ").Replace('`', '\'');
        if (flat.Length > max)
        {
            flat = flat[..(max - 1)] + "…";
        }

        return "`" + flat.Replace("|", "\\|") + "`";
    }

    /// <summary>A double-quoted mermaid string: quotes and line breaks removed, short enough for an axis.</summary>
    public static string Mermaid(string text, int max = 40)
    {
        var flat = text.ReplaceLineEndings(" ").Replace('"', '\'').Replace('`', '\'');
        if (flat.Length > max)
        {
            flat = flat[..(max - 1)] + "…";
        }

        return "\"" + flat + "\"";
    }
}
