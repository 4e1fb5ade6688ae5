namespace ModelPipeline.Build;

/// <summary>
/// One server in the serving benchmark: how it was run, its image (null when it ran on the host), start to first
/// /ping, and wrk's figures for single-row and 1,000-row requests.
/// </summary>
internal sealed record ServingRow(
    string Server,
    string HowRun,
    double? ImageMegabytes,
    double? BuildSeconds,
    double? StartToPingSeconds,
    WrkResult SingleRow,
    WrkResult Batch,
    int BatchRows);
