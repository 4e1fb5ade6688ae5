namespace ModelPipeline.Definitions;

/// <summary>One problem in a pipeline file: where it is, which key, and what was expected.</summary>
public sealed record DefinitionError(string File, int Line, int Column, string KeyPath, string Message)
{
    public override string ToString() =>
        KeyPath.Length == 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}:{Line}:{Column}: {KeyPath}: {Message}";
}
