namespace ModelPipeline.Serving.Output;

/// <summary>The MLflow (databricks_pb2) error codes this server answers with.</summary>
public static class ErrorCodes
{
    /// <summary>Malformed JSON/CSV, not exactly one input field, empty input (400).</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The rows do not fit the model's schema: missing column, wrong type (400).</summary>
    public const string InvalidParameterValue = "INVALID_PARAMETER_VALUE";

    /// <summary>The body is larger than --max-body-bytes (413).</summary>
    public const string ResourceLimitExceeded = "RESOURCE_LIMIT_EXCEEDED";

    /// <summary>No such route (404).</summary>
    public const string EndpointNotFound = "ENDPOINT_NOT_FOUND";

    /// <summary>A bug or failure on the server's side (500).</summary>
    public const string InternalError = "INTERNAL_ERROR";
}
