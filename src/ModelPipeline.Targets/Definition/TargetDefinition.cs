using System.Linq.Expressions;

namespace ModelPipeline.Targets;

/// <summary>What one target property declared, before references to other targets are resolved.</summary>
internal sealed class TargetDefinition(string name, int index) : ITargetDefinition
{
    public string Name { get; } = name;
    public int Index { get; } = index;
    public string? Text { get; private set; }
    public List<Target> Dependencies { get; } = [];
    public List<Target> Dependents { get; } = [];
    public List<Target> RunsAfter { get; } = [];
    public List<Target> RunsBefore { get; } = [];
    public List<Target> TriggeredByTargets { get; } = [];
    public List<Target> TriggersTargets { get; } = [];
    public List<(Func<bool> Condition, string Text)> Requirements { get; } = [];
    public List<Expression<Func<object?>>> RequiredParameters { get; } = [];
    public List<(Func<bool> Condition, string Text)> StaticConditions { get; } = [];
    public List<(Func<bool> Condition, string? Reason)> DynamicConditions { get; } = [];
    public List<string> Products { get; } = [];
    public List<Func<Task>> Actions { get; } = [];
    public bool Proceeds { get; private set; }
    public bool Assured { get; private set; }
    public bool IsUnlisted { get; private set; }

    public ITargetDefinition Description(string description) => With(() => Text = description);
    public ITargetDefinition DependsOn(params Target[] targets) => With(() => Dependencies.AddRange(targets));
    public ITargetDefinition DependentFor(params Target[] targets) => With(() => Dependents.AddRange(targets));
    public ITargetDefinition After(params Target[] targets) => With(() => RunsAfter.AddRange(targets));
    public ITargetDefinition Before(params Target[] targets) => With(() => RunsBefore.AddRange(targets));
    public ITargetDefinition TriggeredBy(params Target[] targets) => With(() => TriggeredByTargets.AddRange(targets));
    public ITargetDefinition Triggers(params Target[] targets) => With(() => TriggersTargets.AddRange(targets));

    public ITargetDefinition Requires(Func<bool> condition, string? text = null) =>
        With(() => Requirements.Add((condition, text ?? "condition")));

    public ITargetDefinition Requires(Expression<Func<object?>> parameter) => With(() => RequiredParameters.Add(parameter));

    public ITargetDefinition OnlyWhenStatic(Func<bool> condition, string? reason = null) =>
        With(() => StaticConditions.Add((condition, reason ?? "condition")));

    public ITargetDefinition OnlyWhenDynamic(Func<bool> condition, string? reason = null) =>
        With(() => DynamicConditions.Add((condition, reason)));

    public ITargetDefinition Produces(params string[] paths) => With(() => Products.AddRange(paths));
    public ITargetDefinition ProceedAfterFailure() => With(() => Proceeds = true);
    public ITargetDefinition AssuredAfterFailure() => With(() => Assured = true);
    public ITargetDefinition Unlisted() => With(() => IsUnlisted = true);

    public ITargetDefinition Executes(Action action) => With(() => Actions.Add(() =>
    {
        action();
        return Task.CompletedTask;
    }));

    public ITargetDefinition Executes(Func<Task> action) => With(() => Actions.Add(action));

    private TargetDefinition With(Action change)
    {
        change();
        return this;
    }
}
