namespace ModelPipeline.Build;

/// <summary>deploy.json: what the serving container runs now, what it replaced, and how long the switch took.</summary>
internal sealed record DeployRecord(
    string Pipeline,
    string Version,
    string Container,
    int Port,
    string Image,
    string? PreviousImage,
    double CandidateStartToPingSeconds,
    double SwitchSeconds);
