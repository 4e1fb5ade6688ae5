namespace ModelPipeline.Targets;

/// <summary>ANSI escape sequences used when writing to a terminal.</summary>
internal static class Ansi
{
    public const string Reset = "\u001b[0m";
    public const string Red = "\u001b[31m";
    public const string Green = "\u001b[32m";
    public const string Yellow = "\u001b[33m";
    public const string Cyan = "\u001b[36m";
    public const string Dim = "\u001b[2m";
    public const string ClearLine = "\u001b[2K";
}
