namespace ModelPipeline.Build;

/// <summary>
/// One stretch of the soak (a tenth of it): requests sent and how they were answered, the latency of the valid
/// single-row and batch requests, and the server's RSS at the end of the stretch and its highest during it.
/// </summary>
internal sealed record SoakWindow(
    int Index,
    double Seconds,
    long Sent,
    long Expected,
    long ServerErrors,
    long Unexpected,
    long Failed,
    long Late,
    double SingleP50Milliseconds,
    double SingleP99Milliseconds,
    double BatchP99Milliseconds,
    double RssMiB,
    double PeakRssMiB)
{
    public double RequestsPerSecond => Sent / Seconds;
}
