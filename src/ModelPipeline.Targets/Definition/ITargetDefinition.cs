using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace ModelPipeline.Targets;

/// <summary>Fluent description of one target: what it needs, when it runs and what it does.</summary>
public interface ITargetDefinition
{
    /// <summary>One line shown by <c>--help</c>.</summary>
    ITargetDefinition Description(string description);

    /// <summary>These targets run before this one and are included whenever this one is.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>This target becomes a dependency of the given targets (the inverse of <see cref="DependsOn"/>).</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <summary>Ordering only: when both are scheduled, this target runs after the given ones.</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>Ordering only: when both are scheduled, this target runs before the given ones.</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>This target is scheduled (after them) whenever one of the given targets is scheduled.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <summary>The given targets are scheduled (after this one) whenever this target is scheduled.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    /// <summary>
    /// A condition that must hold before the build starts (checked for every scheduled target before any runs);
    /// otherwise the build stops with a usage error quoting the condition.
    /// </summary>
    ITargetDefinition Requires(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? text = null);

    /// <summary>
    /// A parameter that must be set (non-null, non-empty) before the build starts, written <c>Requires(() => Registry)</c>.
    /// The error names the parameter: <c>Target 'Push' requires parameter 'Registry' (--registry or REGISTRY)</c>.
    /// </summary>
    ITargetDefinition Requires(Expression<Func<object?>> parameter);

    /// <summary>
    /// Evaluated once before any target runs; when false the target is skipped, and so are dependencies that only it needs.
    /// </summary>
    ITargetDefinition OnlyWhenStatic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? reason = null);

    /// <summary>Evaluated right before the target runs; when false the target is skipped with <paramref name="reason"/>.</summary>
    ITargetDefinition OnlyWhenDynamic(Func<bool> condition, string? reason = null);

    /// <summary>Files or folders (relative to the root directory) this target produces; missing ones are warned about.</summary>
    ITargetDefinition Produces(params string[] paths);

    /// <summary>When this target fails, the build still runs targets that do not depend on it.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>This target runs even after an earlier target failed (clean-up), if it was scheduled.</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Hidden from <c>--help</c> and the schema's target list (still runnable by name).</summary>
    ITargetDefinition Unlisted();

    /// <summary>Adds an action; actions run in the order given. Throw <see cref="TargetSkippedException"/> to skip.</summary>
    ITargetDefinition Executes(Action action);

    /// <summary>Adds an asynchronous action; actions run in the order given.</summary>
    ITargetDefinition Executes(Func<Task> action);
}
