namespace ModelPipeline.Build.Tests;

/// <summary>
/// Tests that package and push run one at a time against a registry of their own (never the user's 127.0.0.1:5000)
/// and, when done, leave no image or registry behind (<see cref="TestRegistryFixture"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class TestRegistryCollection : ICollectionFixture<TestRegistryFixture>
{
    public const string Name = "test registry";
}
