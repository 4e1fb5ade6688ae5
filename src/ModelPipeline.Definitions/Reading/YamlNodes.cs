using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModelPipeline.Definitions.Reading;

/// <summary>How YAML nodes read in messages and what counts as an empty value.</summary>
internal static class YamlNodes
{
    public static bool IsQuoted(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted };

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "an alias",
    };

    public static bool IsEmpty(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" };
}
