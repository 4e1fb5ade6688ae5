namespace ModelPipeline.GitHub;

/// <summary>A release GitHub created, with the download URLs of its uploaded assets.</summary>
public sealed record PublishedRelease(long Id, string Tag, string HtmlUrl, IReadOnlyList<string> AssetUrls);
