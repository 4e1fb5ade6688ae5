namespace ModelPipeline.Containers.Registry;

/// <summary>A registry answered with an unexpected HTTP status (retried when 5xx or 429).</summary>
internal sealed class RegistryStatusException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public bool IsTransient => Status >= 500 || Status == 429 || Status == 408;
}
