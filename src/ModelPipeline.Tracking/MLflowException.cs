namespace ModelPipeline.Tracking;

/// <summary>
/// An MLflow call that failed, or a server that could not be reached; the message is one line naming the server, the
/// request, the HTTP status and MLflow's <c>error_code</c> and <c>message</c>. Credentials never appear in it.
/// </summary>
public sealed class MLflowException(string server, int? statusCode, string? errorCode, string message) : Exception(message)
{
    /// <summary>The tracking server, without credentials, e.g. <c>http://127.0.0.1:5000</c>.</summary>
    public string Server { get; } = server;

    /// <summary>The HTTP status, or null when no answer came.</summary>
    public int? StatusCode { get; } = statusCode;

    /// <summary>MLflow's <c>error_code</c>, e.g. <c>RESOURCE_DOES_NOT_EXIST</c>, when the body had one.</summary>
    public string? ErrorCode { get; } = errorCode;
}
