namespace ModelPipeline.Targets;

/// <summary>
/// A target of a build: declared as a property on a <see cref="BuildDefinition"/> that reads as a sentence,
/// <c>Target Evaluate => _ => _.DependsOn(Retrain).Executes(() => ...);</c>
/// The property's name is the target's name.
/// </summary>
/// <param name="_">The definition to configure.</param>
/// <returns>The configured definition.</returns>
public delegate ITargetDefinition Target(ITargetDefinition _);
