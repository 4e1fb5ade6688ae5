namespace ModelPipeline.Containers.Deploy;

/// <summary>
/// What to run as a serving container: <paramref name="Image"/> (a reference the engine knows, or can pull) under the
/// stable container <paramref name="Name"/>, its <paramref name="ContainerPort"/> published on 127.0.0.1:<paramref name="HostPort"/>.
/// Before it takes the old container's place it must answer GET /ping and POST /invocations with
/// <paramref name="InvocationsJson"/>, judged by <paramref name="CheckResponse"/> (null = right, else why not).
/// </summary>
public sealed record DeploymentRequest(
    string Name,
    string Image,
    int ContainerPort,
    int HostPort,
    string InvocationsJson,
    Func<string, string?> CheckResponse,
    TimeSpan Timeout);
