namespace ModelPipeline.Targets;

/// <summary>A target with its references to other targets resolved.</summary>
internal sealed class TargetNode(TargetDefinition definition)
{
    public TargetDefinition Definition { get; } = definition;

    public string Name => Definition.Name;

    /// <summary>Targets included (and run first) whenever this one is: DependsOn plus inverse DependentFor.</summary>
    public List<TargetNode> Dependencies { get; } = [];

    /// <summary>Targets included (and run after) whenever this one is: Triggers plus inverse TriggeredBy.</summary>
    public List<TargetNode> Triggered { get; } = [];

    /// <summary>Targets whose scheduling schedules this one (inverse of <see cref="Triggered"/>).</summary>
    public List<TargetNode> TriggeredBy { get; } = [];

    /// <summary>Targets that must succeed (or be skipped) for this one to run: dependencies and triggers.</summary>
    public IEnumerable<TargetNode> Prerequisites => Dependencies.Concat(TriggeredBy);

    /// <summary>Targets that must run before this one when both are scheduled.</summary>
    public List<TargetNode> Predecessors { get; } = [];

    public override string ToString() => Name;
}
