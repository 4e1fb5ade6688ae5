using System.Text;

namespace ModelPipeline.Targets;

/// <summary>Derives option and environment-variable names from PascalCase member names.</summary>
internal static class MemberNaming
{
    /// <summary><c>RegistryUrl</c> -> <c>registry-url</c>; <c>HTTPServer</c> -> <c>http-server</c>.</summary>
    public static string KebabCase(string name) => Split(name, '-').ToLowerInvariant();

    /// <summary><c>RegistryUrl</c> -> <c>REGISTRY_URL</c>.</summary>
    public static string UpperSnakeCase(string name) => Split(name, '_').ToUpperInvariant();

    /// <summary>Lower-case letters and digits only, to compare <c>--registry-url</c>, <c>--RegistryUrl</c> and <c>REGISTRY_URL</c>.</summary>
    public static string Simplify(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static string Split(string name, char separator)
    {
        var trimmed = name.TrimStart('_');
        var builder = new StringBuilder(trimmed.Length + 8);
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c == '_' || c == '-')
            {
                builder.Append(separator);
                continue;
            }

            if (i > 0 && char.IsUpper(c))
            {
                var previous = trimmed[i - 1];
                var nextIsLower = i + 1 < trimmed.Length && char.IsLower(trimmed[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    builder.Append(separator);
                }
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
