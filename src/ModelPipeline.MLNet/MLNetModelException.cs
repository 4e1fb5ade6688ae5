namespace ModelPipeline.MLNet;

/// <summary>An ML.NET trainer or a team's estimator cannot make a usable model; the message says which and why.</summary>
public sealed class MLNetModelException : Exception
{
    public MLNetModelException(string message)
        : base(message)
    {
    }

    public MLNetModelException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
