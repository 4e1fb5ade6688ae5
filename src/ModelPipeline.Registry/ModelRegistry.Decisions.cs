namespace ModelPipeline.Registry;

public sealed partial class ModelRegistry
{
    /// <summary>Appends a promotion-gate decision (any JSON value, stored as one compact line) to decisions.jsonl.</summary>
    public void RecordDecision(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        string line;
        try
        {
            line = RegistryJson.NormalizeToLine(json);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new RegistryException($"decision is not valid JSON ({e.Message}); nothing was recorded", e);
        }
        using var held = Lock();
        JsonLines.Append(_paths.Decisions, line);
    }

    /// <summary>The recorded decisions as JSON lines, oldest first.</summary>
    public IReadOnlyList<string> Decisions() => JsonLines.ReadCompleteLines(_paths.Decisions);
}
