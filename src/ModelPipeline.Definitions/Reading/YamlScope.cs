using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModelPipeline.Definitions.Reading;

/// <summary>
/// Reads the keys of one YAML mapping, reporting wrong types, bad values and (at <see cref="Finish"/>)
/// unknown keys to the <see cref="ErrorSink"/>. Absent keys and empty values (<c>key:</c> or <c>~</c>) give the default.
/// </summary>
internal sealed class YamlScope
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

    /// <summary>A scalar's text, or null (and an error when the node is not a scalar).</summary>
    public string? Text(string key, string expected, bool required = false)
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

        return ScalarText(node, PathOf(key), expected);
    }

    public string? ScalarText(YamlNode node, string path, string expected)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? "";
        }

        Errors.Add(node.Start, path, $"expected {expected}, got {YamlNodes.Describe(node)}");
        return null;
    }

    public T Choice<T>(string key, (string Name, T Value)[] vocabulary, T fallback, bool required = false)
        where T : struct, Enum
    {
        var expected = "one of " + string.Join(", ", vocabulary.Select(v => v.Name));
        var node = Value(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key, expected);
            }

            return fallback;
        }

        return ChoiceOf(node, PathOf(key), vocabulary, fallback);
    }

    public T ChoiceOf<T>(YamlNode node, string path, (string Name, T Value)[] vocabulary, T fallback)
        where T : struct, Enum
    {
        var names = vocabulary.Select(v => v.Name).ToArray();
        var expected = "one of " + string.Join(", ", names);
        if (ScalarText(node, path, expected) is not { } text)
        {
            return fallback;
        }

        foreach (var (name, value) in vocabulary)
        {
            if (name == text)
            {
                return value;
            }
        }

        Errors.Add(node.Start, path, $"unknown value '{text}'; expected {expected}{DidYouMean(text, names)}");
        return fallback;
    }

    /// <summary>A number checked by <paramref name="isValid"/>; <paramref name="expected"/> reads like "a number between 0 and 1".</summary>
    public double Number(string key, double fallback, Func<double, bool> isValid, string expected)
    {
        var node = Value(key);
        return node is null ? fallback : NumberOf(node, PathOf(key), fallback, isValid, expected);
    }

    public double NumberOf(YamlNode node, string path, double fallback, Func<double, bool> isValid, string expected)
    {
        if (ScalarText(node, path, expected) is not { } text)
        {
            return fallback;
        }

        if (YamlNodes.IsQuoted(node) || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value) || !isValid(value))
        {
            Errors.Add(node.Start, path, $"expected {expected}, got '{text}'");
            return fallback;
        }

        return value;
    }

    public int Integer(string key, int fallback, int min, int max)
    {
        var expected = max == int.MaxValue ? $"a whole number >= {min}" : $"a whole number from {min} to {max}";
        var node = Value(key);
        if (node is null || ScalarText(node, PathOf(key), expected) is not { } text)
        {
            return fallback;
        }

        if (YamlNodes.IsQuoted(node) || !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            Errors.Add(node.Start, PathOf(key), $"expected {expected}, got '{text}'");
            return fallback;
        }

        return value;
    }

    public bool Flag(string key, bool fallback)
    {
        const string expected = "true or false";
        var node = Value(key);
        if (node is null || ScalarText(node, PathOf(key), expected) is not { } text)
        {
            return fallback;
        }

        if (YamlNodes.IsQuoted(node) || !bool.TryParse(text, out var value))
        {
            Errors.Add(node.Start, PathOf(key), $"expected {expected}, got '{text}'");
            return fallback;
        }

        return value;
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
