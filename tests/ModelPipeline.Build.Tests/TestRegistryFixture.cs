using ModelPipeline.Containers.Engine;

namespace ModelPipeline.Build.Tests;

/// <summary>The tests' registry, started for <see cref="TestRegistryCollection"/> and removed with the engine images it owns afterwards.</summary>
public sealed class TestRegistryFixture : IAsyncLifetime
{
    private TestRegistry? _registry;

    /// <summary>host:port of the tests' registry.</summary>
    public string Address => Registry.Address;

    /// <summary>The first path segment for the repositories these tests push (so that every tag they leave is theirs).</summary>
    public string Namespace => Registry.Namespace;

    private TestRegistry Registry => _registry ?? throw new InvalidOperationException("the tests' registry did not start");

    public async Task InitializeAsync() => _registry = await TestRegistry.StartAsync();

    public async Task DisposeAsync()
    {
        if (_registry is null)
        {
            return;
        }

        var connection = await DockerEngine.TryConnectAsync();
        if (connection.Client is { } engine)
        {
            using (engine)
            {
                await _registry.RemoveImagesAsync(engine);
            }
        }

        await _registry.DisposeAsync();
    }
}
