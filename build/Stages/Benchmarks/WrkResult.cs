namespace ModelPipeline.Build;

/// <summary>One wrk run: throughput, latency percentiles (from <c>--latency</c>) and the answers that were not 2xx/3xx or failed.</summary>
internal sealed record WrkResult(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, long Requests, long BadResponses, long SocketErrors);
