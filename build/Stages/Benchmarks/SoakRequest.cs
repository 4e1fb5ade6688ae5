namespace ModelPipeline.Build;

/// <summary>One kind of request in the soak's mix: its body, its share of the requests (of 100), and the status it must get.</summary>
internal sealed record SoakRequest(string Kind, string Body, int Share, int ExpectedStatus)
{
    public const string Single = "single row";
    public const string Batch = "batch";
}
