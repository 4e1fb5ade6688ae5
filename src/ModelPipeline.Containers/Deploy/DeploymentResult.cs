namespace ModelPipeline.Containers.Deploy;

/// <summary>
/// A finished deploy: the container <paramref name="Name"/> now runs <paramref name="Image"/>, in place of
/// <paramref name="PreviousImage"/> (null for the first deploy). <paramref name="CandidateStartToPing"/> is the smoke-tested
/// candidate's start to first /ping; <paramref name="Switch"/> runs from stopping the old container to the new one's first
/// /ping on the stable port: the longest the port may have refused connections.
/// </summary>
public sealed record DeploymentResult(
    string Name,
    string Image,
    string? PreviousImage,
    string ContainerId,
    TimeSpan CandidateStartToPing,
    TimeSpan Switch);
