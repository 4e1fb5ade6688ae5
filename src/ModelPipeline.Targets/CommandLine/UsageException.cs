namespace ModelPipeline.Targets;

/// <summary>A mistake in how the build was invoked (unknown target or parameter, bad value, cycle): exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
