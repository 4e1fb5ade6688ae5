using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModelPipeline.Definitions.Reading;

/// <summary>
/// Reads the keys of one YAML mapping, reporting wrong types, bad values and (at <see cref="Finish"/>)
/// unknown keys to the <see cref="ErrorSink"/>. Absent keys and empty values (<c>key:</c> or <c>~</c>) give the default.
/// </summary>
internal sealed partial class YamlScope
{
    public const string MissingKey = "required key is missing";

    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _known = [];

    /// <param name="owner">Where the key that holds this mapping is (the mapping's own start for the root):
    /// missing required keys are reported there.</param>
    public YamlScope(ErrorSink errors, YamlMappingNode node, string path, Mark? owner = null)
    {
        Errors = errors;
        Node = node;
        Path = path;
        Owner = owner ?? node.Start;
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: { } name } scalar)
            {
                _entries[name] = (scalar, value);
            }
            else
            {
                errors.Add(key.Start, path, "keys must be plain names");
            }
        }
    }

    public ErrorSink Errors { get; }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    public Mark Start => Node.Start;

    public Mark Owner { get; }

    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public Mark KeyStart(string key) => _entries.TryGetValue(key, out var entry) ? entry.Key.Start : Owner;

    public bool Has(string key) => Value(key) is not null;

    /// <summary>The value node of a key, or null when absent or empty, without marking the key as known.</summary>
    public YamlNode? Peek(string key) =>
        _entries.TryGetValue(key, out var entry) && !YamlNodes.IsEmpty(entry.Value) ? entry.Value : null;

    /// <summary>The value node of a key, or null when absent or empty; marks the key as known.</summary>
    public YamlNode? Value(string key)
    {
        if (!_known.Contains(key))
        {
            _known.Add(key);
        }

        if (!_entries.TryGetValue(key, out var entry) || YamlNodes.IsEmpty(entry.Value))
        {
            return null;
        }

        return entry.Value;
    }

    public void Missing(string key, string expected)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            Errors.Add(entry.Key.Start, PathOf(key), $"required value is empty; expected {expected}");
        }
        else
        {
            Errors.Add(Owner, PathOf(key), $"{MissingKey}; expected {expected}");
        }
    }

    /// <summary>A nested mapping, or null when absent (and an error when it is not a mapping).</summary>
    public YamlScope? Mapping(string key, bool required = false, string expected = "a mapping")
    {
        var node = Value(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key, expected);
            }

            return null;
        }

        if (node is YamlMappingNode mapping)
        {
            return new YamlScope(Errors, mapping, PathOf(key), _entries[key].Key.Start);
        }

        Errors.Add(node.Start, PathOf(key), $"expected {expected}, got {YamlNodes.Describe(node)}");
        return null;
    }

    /// <summary>The items of a sequence, or null when absent (and an error when it is not a sequence).</summary>
    public IReadOnlyList<YamlNode>? Sequence(string key, string expected)
    {
        var node = Value(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children.ToArray();
        }

        Errors.Add(node.Start, PathOf(key), $"expected {expected}, got {YamlNodes.Describe(node)}");
        return null;
    }

    /// <summary>A list of texts; absent gives an empty list.</summary>
    public IReadOnlyList<(string Text, YamlNode Node)> Texts(string key, string expected)
    {
        var items = Sequence(key, $"a list of {expected}");
        if (items is null)
        {
            return [];
        }

        var texts = new List<(string, YamlNode)>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (ScalarText(items[i], $"{PathOf(key)}[{i}]", expected) is { } text)
            {
                texts.Add((text, items[i]));
            }
        }

        return texts;
    }

    /// <summary>The entries of a free-form mapping, in file order.</summary>
    public IEnumerable<(string Key, YamlScalarNode KeyNode, YamlNode Value)> Entries() =>
        _entries.OrderBy(e => e.Value.Key.Start.Index).Select(e => (e.Key, e.Value.Key, e.Value.Value));

    /// <summary>Reports every key that no reader asked for, with the nearest known key.</summary>
    public void Finish()
    {
        foreach (var (name, (key, _)) in _entries.OrderBy(e => e.Value.Key.Start.Index))
        {
            if (!_known.Contains(name))
            {
                Errors.Add(key.Start, PathOf(name),
                    $"unknown key; expected one of {string.Join(", ", _known)}{DidYouMean(name, _known)}");
                if (NearestName.Find(name, _known) is { } near && !_entries.ContainsKey(near))
                {
                    // 'labl' for 'label': one mistake, one line; the missing 'label' is the same mistake.
                    Errors.DropMissing(PathOf(near));
                }
            }
        }
    }

    /// <summary>" (did you mean 'x'?)" when a candidate is a likely typo of <paramref name="input"/>, else empty.</summary>
    internal static string DidYouMean(string input, IEnumerable<string> candidates) =>
        NearestName.Find(input, candidates) is { } near ? $" (did you mean '{near}'?)" : "";
}
