using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ModelPipeline.Definitions.Reading;

/// <summary>The scalar readers of <see cref="YamlScope"/>: texts, choices from a vocabulary, numbers and flags,
/// each reporting a wrong type or value at the node with what was expected.</summary>
internal sealed partial class YamlScope
{
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
}
