namespace ModelPipeline.Containers.Registry;

/// <summary>
/// An image reference as Docker prints it: <c>[registry/]repository[:tag][@digest]</c>, e.g.
/// <c>127.0.0.1:5000/churn/model:1.4.0@sha256:…</c>. The first path part is a registry when it has a dot, a colon or is
/// <c>localhost</c>.
/// </summary>
public sealed record ImageReference(string? Registry, string Repository, string? Tag = null, string? Digest = null)
{
    /// <summary>registry/repository (or just repository when there is no registry).</summary>
    public string Name => Registry is null ? Repository : $"{Registry}/{Repository}";

    public static ImageReference Parse(string text) =>
        TryParse(text, out var reference, out var reason) ? reference : throw new FormatException($"'{text}' is not an image reference: {reason}");

    public static bool TryParse(string? text, out ImageReference reference) => TryParse(text, out reference, out _);

    private static bool TryParse(string? text, out ImageReference reference, out string reason)
    {
        reference = null!;
        reason = "";
        if (string.IsNullOrWhiteSpace(text) || text.Any(char.IsWhiteSpace))
        {
            reason = "it is empty or contains whitespace";
            return false;
        }

        string? digest = null;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = text[(at + 1)..];
            text = text[..at];
            if (!digest.Contains(':', StringComparison.Ordinal) || digest.EndsWith(':'))
            {
                reason = $"digest '{digest}' is not algorithm:hex";
                return false;
            }
        }

        string? registry = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var first = text[..slash];
            if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
            {
                registry = first;
                text = text[(slash + 1)..];
            }
        }

        string? tag = null;
        var colon = text.LastIndexOf(':');
        if (colon > text.LastIndexOf('/'))
        {
            tag = text[(colon + 1)..];
            text = text[..colon];
            if (tag.Length == 0)
            {
                reason = "the tag after ':' is empty";
                return false;
            }
        }

        if (text.Length == 0 || text.StartsWith('/') || text.EndsWith('/') || text.Contains("//", StringComparison.Ordinal))
        {
            reason = "the repository name is empty or malformed";
            return false;
        }

        if (text.Any(char.IsUpper))
        {
            reason = "repository names must be lowercase";
            return false;
        }

        reference = new ImageReference(registry, text, tag, digest);
        return true;
    }

    public ImageReference WithTag(string tag) => this with { Tag = tag };

    public ImageReference WithDigest(string digest) => this with { Digest = digest };

    public override string ToString() => Name + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);
}
