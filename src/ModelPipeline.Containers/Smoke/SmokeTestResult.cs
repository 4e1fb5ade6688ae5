namespace ModelPipeline.Containers.Smoke;

/// <summary>
/// How a container smoke test went. <see cref="Failure"/> is null when it passed. <see cref="StartToFirstPing"/> is
/// measured from container start to the first successful GET /ping. Logs are kept when it failed.
/// </summary>
public sealed record SmokeTestResult(
    bool Passed,
    string? Failure,
    int HostPort,
    TimeSpan StartToFirstPing,
    TimeSpan InvocationTime,
    int? InvocationStatus,
    string? ResponseBody,
    string? ContainerLogs);
