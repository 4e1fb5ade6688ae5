namespace ModelPipeline.Definitions;

/// <summary>A pipeline file with one or more problems; the message has one line per error, in file order.</summary>
public sealed class PipelineDefinitionException(IReadOnlyList<DefinitionError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
