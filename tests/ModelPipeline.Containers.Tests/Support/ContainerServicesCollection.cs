namespace ModelPipeline.Containers.Tests.Support;

/// <summary>Tests that use the real engine and registry share one <see cref="ContainerServices"/> and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ContainerServicesCollection : ICollectionFixture<ContainerServices>
{
    public const string Name = "container services";
}
