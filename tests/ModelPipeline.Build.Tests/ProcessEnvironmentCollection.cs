namespace ModelPipeline.Build.Tests;

/// <summary>Tests that set process environment variables run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(ProcessEnvironmentCollection), DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection;
