using ModelPipeline.Serving.Output;

namespace ModelPipeline.Serving.Input;

/// <summary>A client mistake in a scoring request: answered with <see cref="StatusCode"/> and an MLflow error body.</summary>
public sealed class ScoringInputException(string errorCode, string message, int statusCode = 400) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;

    public int StatusCode { get; } = statusCode;

    public static ScoringInputException BadRequest(string message) => new(ErrorCodes.BadRequest, message);

    public static ScoringInputException Invalid(string message) => new(ErrorCodes.InvalidParameterValue, message);
}
