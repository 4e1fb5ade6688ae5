namespace ModelPipeline.Build;

/// <summary>image.json: the image PackageToContainer built and smoke-tested, handed on to Push.</summary>
internal sealed record ImageRecord(
    string Pipeline,
    string Version,
    bool Promoted,
    string Reference,
    string ImageId,
    string Builder,
    long SizeBytes,
    double BuildSeconds,
    double StartToFirstPingSeconds,
    int SmokeRows,
    IReadOnlyDictionary<string, string> Labels,
    string? LayoutDirectory);
