namespace ModelPipeline.Targets;

/// <summary>The command line split into targets, engine options and raw parameter values.</summary>
internal sealed class ParsedArguments
{
    public List<string> Targets { get; } = [];

    public Dictionary<ParameterMember, List<string>> Values { get; } = [];

    /// <summary>Null when <c>--skip</c> was not given; empty when it was given bare (skip every dependency).</summary>
    public List<string>? Skip { get; set; }

    public bool Help { get; set; }

    public bool Plan { get; set; }

    public bool Verbose { get; set; }

    public bool GenerateSchema { get; set; }

    public string? Root { get; set; }
}
