namespace ModelPipeline.GitHub.Workflows;

/// <summary>A multi-line string written as a YAML literal block (<c>|</c>), e.g. a <c>run:</c> script.</summary>
internal sealed record YamlLiteral(string Text);
