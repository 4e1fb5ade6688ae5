namespace ModelPipeline.Serving.Hosting;

/// <summary>
/// Which requests get a line in the server's log (<c>--request-log</c>/REQUEST_LOG). Start and stop lines and
/// unexpected errors are always written.
/// </summary>
public enum RequestLogging
{
    /// <summary>No per-request lines.</summary>
    Off,

    /// <summary>Only requests answered with a 4xx or 5xx status (the default): every rejected request is visible in
    /// <c>docker logs</c>, and a server answering tens of thousands of requests per second does not flood it.</summary>
    Errors,

    /// <summary>Every request.</summary>
    All,
}
