namespace ModelPipeline.Build;

/// <summary>
/// A "## Heading" section of docs/benchmarks.md, found and replaced in place (or appended), so that running one part
/// of the benchmark keeps the others' figures.
/// </summary>
internal static class MarkdownSection
{
    /// <summary>The section starting with <paramref name="heading"/> up to the next "## ", or null.</summary>
    public static string? Find(string document, string heading)
    {
        var (start, end) = Bounds(document, heading);
        return start < 0 ? null : document[start..end];
    }

    /// <summary><paramref name="document"/> with the section replaced by <paramref name="section"/> (appended when it had none; unchanged when section is null).</summary>
    public static string Splice(string document, string heading, string? section)
    {
        if (section is null)
        {
            return document;
        }

        var (start, end) = Bounds(document, heading);
        if (start < 0)
        {
            return document.TrimEnd() + Environment.NewLine + Environment.NewLine + section;
        }

        var rest = document[end..];
        return document[..start] + section + (rest.Length > 0 ? Environment.NewLine + rest : "");
    }

    /// <summary>
    /// <paramref name="document"/> with every "## " section of <paramref name="previous"/> that it lacks appended, so
    /// that sections this run does not write (figures recorded by tests, e.g. the server memory) survive a rewrite.
    /// </summary>
    public static string KeepOthers(string document, string previous)
    {
        foreach (var heading in previous.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Distinct())
        {
            if (Find(document, heading) is null)
            {
                document = Splice(document, heading, Find(previous, heading));
            }
        }

        return document;
    }

    private static (int Start, int End) Bounds(string document, string heading)
    {
        var start = document.StartsWith(heading, StringComparison.Ordinal) ? 0 : document.IndexOf("\n" + heading, StringComparison.Ordinal);
        if (start < 0)
        {
            return (-1, -1);
        }

        start = start == 0 ? 0 : start + 1;
        var next = document.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return (start, next < 0 ? document.Length : next + 1);
    }
}
