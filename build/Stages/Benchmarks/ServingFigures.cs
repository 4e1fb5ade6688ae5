namespace ModelPipeline.Build;

/// <summary>The serving benchmark's result: one row per server, the machine's load around the run, and how the server was published.</summary>
internal sealed record ServingFigures(
    IReadOnlyList<ServingRow> Rows,
    string LoadBefore,
    string LoadAfter,
    double PublishSeconds,
    bool PublishFromCache,
    DateTimeOffset When);
