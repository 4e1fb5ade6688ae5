namespace ModelPipeline.Reports;

/// <summary>The green or red verdict line at the top of a report.</summary>
internal static class Badge
{
    public static string Verdict(bool good, string badge, string verdict) =>
        $"<p class=\"verdict\"><span class=\"badge {(good ? "ok" : "bad")}\">{Markup.Encode(badge)}</span><span>{Markup.Encode(verdict)}</span></p>";
}
