namespace ModelPipeline.Build;

/// <summary>push.json: where the image went and the digest the registry reported back.</summary>
internal sealed record PushRecord(string Pipeline, string Version, string Digest, IReadOnlyList<string> References, double Seconds);
