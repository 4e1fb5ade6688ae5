namespace ModelPipeline.Targets;

/// <summary>
/// Marks a <see cref="ParameterAttribute"/> parameter as secret: never printed (help shows <c>&lt;secret&gt;</c>),
/// replaced by <c>***</c> in everything the engine writes, and registered with <c>::add-mask::</c> on GitHub Actions.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
