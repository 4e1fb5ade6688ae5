using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelPipeline.Registry;

/// <summary>
/// Registry JSON files that carry their own sha256 as the first key, <c>"#sha256"</c>, computed over the file's text
/// without that line, so a truncated, emptied or bit-flipped version.json or aliases.json is refused naming the file
/// instead of being read as other values (a flipped letter in <c>"champion"</c> would otherwise lose the champion).
/// </summary>
/// <remarks>
/// '#' sorts before every name the registry writes, so the key stays first in the key-sorted text. Files written before
/// seals existed have no such key and are read as they are; a file whose first key starts with '#' but is not an
/// intact seal is damaged.
/// </remarks>
internal static class SealedJson
{
    private const string Prefix = "{\n  \"#sha256\": \"";
    private const int HexLength = 64;

    public static byte[] ToBytes<T>(T value)
    {
        var plain = Encoding.UTF8.GetString(RegistryJson.ToPrettyBytes(value));
        var seal = DurableFile.Sha256Hex(Encoding.UTF8.GetBytes(plain));
        var sealedText = plain == "{}\n"
            ? $"{Prefix}{seal}\"\n}}\n"
            : $"{Prefix}{seal}\",\n{plain[2..]}";
        return Encoding.UTF8.GetBytes(sealedText);
    }

    public static T ReadFile<T>(string path, string displayPath) where T : class
    {
        var text = File.ReadAllText(path);
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            RefuseBrokenSeal(text, displayPath);
            return RegistryJson.Parse<T>(text, displayPath);
        }

        var rest = text.AsSpan(Prefix.Length);
        var expected = rest.Length >= HexLength ? rest[..HexLength].ToString() : rest.ToString();
        rest = rest.Length >= HexLength ? rest[HexLength..] : [];
        var plain = rest.StartsWith("\",\n") ? "{\n" + rest[3..].ToString()
            : rest.SequenceEqual("\"\n}\n") ? "{}\n"
            : null;
        var found = plain is null ? null : DurableFile.Sha256Hex(Encoding.UTF8.GetBytes(plain));
        if (found is null || found != expected)
        {
            throw new RegistryIntegrityException(displayPath, expected, found ?? DurableFile.Sha256Hex(Encoding.UTF8.GetBytes(text)));
        }

        return RegistryJson.Parse<T>(plain!, displayPath);
    }

    /// <summary>An unsealed file is accepted only when nothing in it looks like a damaged seal.</summary>
    private static void RefuseBrokenSeal(string text, string displayPath)
    {
        try
        {
            if (JsonNode.Parse(text) is JsonObject root && root.Any(p => p.Key.StartsWith('#')))
            {
                throw new RegistryException($"{displayPath}: damaged (its '#sha256' seal is not intact); refusing to load");
            }
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            // RegistryJson.Parse reports invalid JSON with the file's name
        }
    }
}
