using YamlDotNet.Core;

namespace ModelPipeline.Definitions.Reading;

/// <summary>Collects every problem in one file so that the user sees them all at once.</summary>
internal sealed class ErrorSink(string file)
{
    private readonly List<DefinitionError> _errors = [];

    public string File { get; } = file;

    public bool HasErrors => _errors.Count > 0;

    public void Add(Mark at, string keyPath, string message) =>
        _errors.Add(new DefinitionError(File, (int)at.Line, (int)at.Column, keyPath, message));

    /// <summary>Drops the "required key is missing" error of <paramref name="keyPath"/>, if any (a typo of it explains it).</summary>
    public void DropMissing(string keyPath) =>
        _errors.RemoveAll(e => e.KeyPath == keyPath && e.Message.StartsWith(YamlScope.MissingKey, StringComparison.Ordinal));
    /// <summary>An error at a recorded value's position (a <see cref="ParameterValue"/>'s line and column).</summary>
    public void Add(ParameterValue at, string keyPath, string message) =>
        _errors.Add(new DefinitionError(File, at.Line, at.Column, keyPath, message));

    public IReadOnlyList<DefinitionError> Sorted() =>
        _errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToArray();
}
