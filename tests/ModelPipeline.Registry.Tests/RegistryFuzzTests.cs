using ModelPipeline.Testing;

namespace ModelPipeline.Registry.Tests;

/// <summary>
/// Mutated version.json, aliases.json and history.jsonl under a registry with two versions and a champion: every read
/// answers, or throws a <see cref="RegistryException"/> (the registry's one-line user error: it names the damaged file,
/// or, for a history line naming a version that does not exist, that version); nothing else.
/// </summary>
[Trait("Category", FuzzCases.Category)]
public sealed class RegistryFuzzTests : IDisposable
{
    private readonly TempRegistry _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("versions/1.0.1/version.json")]
    [InlineData("aliases.json")]
    [InlineData("history.jsonl")]
    public void RegistryFile_Mutated_ReadOrNameTheFile(string file)
    {
        var registry = _temp.Open();
        registry.Register(Some.Draft());
        registry.Register(Some.Draft(config: "config-2"));
        registry.Promote("1.0.0", "test", "first");
        registry.Promote("1.0.1", "test", "second");
        var path = Path.Combine(_temp.PipelineDir(), file);
        var original = File.ReadAllBytes(path);

        FuzzCases.Run(
            [original],
            (input, _) =>
            {
                File.WriteAllBytes(path, input);
                try
                {
                    ReadEverything(_temp.Open());
                }
                finally
                {
                    File.WriteAllBytes(path, original);
                }
            },
            error => error is RegistryException { Message.Length: > 0 });
    }

    private static void ReadEverything(ModelRegistry registry)
    {
        _ = registry.Aliases;
        _ = registry.AliasHistory();
        _ = registry.ListVersions();
        if (registry.Champion is { } champion)
        {
            _ = registry.ReadModel(champion);
        }

        _ = registry.RollbackTarget();
    }
}
