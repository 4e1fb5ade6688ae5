using System.Globalization;

namespace ModelPipeline.Registry;

/// <summary>A SemVer 2.0 version (MAJOR.MINOR.PATCH[-prerelease]); build metadata is accepted and dropped.</summary>
public sealed record SemanticVersion(int Major, int Minor, int Patch, string? PreRelease = null) : IComparable<SemanticVersion>
{
    /// <summary>The first version a pipeline gets.</summary>
    public static SemanticVersion Initial { get; } = new(1, 0, 0);

    /// <summary>Parses <c>1.2.3</c>, <c>1.2.3-rc.1</c> or <c>v1.2.3</c>; throws <see cref="RegistryException"/> otherwise.</summary>
    public static SemanticVersion Parse(string text) =>
        TryParse(text, out var version)
            ? version
            : throw new RegistryException($"'{text}' is not a semantic version (expected MAJOR.MINOR.PATCH, e.g. 1.2.0)");

    /// <summary>Tries to parse a semantic version without throwing.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SemanticVersion? version)
    {
        version = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (s.StartsWith('v') || s.StartsWith('V')) s = s[1..];
        var plus = s.IndexOf('+');
        if (plus >= 0) s = s[..plus];
        string? pre = null;
        var dash = s.IndexOf('-');
        if (dash >= 0)
        {
            pre = s[(dash + 1)..];
            s = s[..dash];
            if (pre.Length == 0 || pre.Split('.').Any(p => p.Length == 0 || !p.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
                return false;
        }
        var parts = s.Split('.');
        if (parts.Length != 3) return false;
        var numbers = new int[3];
        for (var i = 0; i < 3; i++)
        {
            var p = parts[i];
            if (p.Length == 0 || !p.All(char.IsAsciiDigit) || (p.Length > 1 && p[0] == '0')) return false;
            if (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])) return false;
        }
        version = new SemanticVersion(numbers[0], numbers[1], numbers[2], pre);
        return true;
    }

    /// <summary>The next major version (x+1.0.0).</summary>
    public SemanticVersion NextMajor() => new(Major + 1, 0, 0);

    /// <summary>The next minor version (x.y+1.0).</summary>
    public SemanticVersion NextMinor() => new(Major, Minor + 1, 0);

    /// <summary>The next patch version (x.y.z+1).</summary>
    public SemanticVersion NextPatch() => new(Major, Minor, Patch + 1);

    /// <inheritdoc />
    public int CompareTo(SemanticVersion? other)
    {
        if (other is null) return 1;
        var c = Major.CompareTo(other.Major);
        if (c == 0) c = Minor.CompareTo(other.Minor);
        if (c == 0) c = Patch.CompareTo(other.Patch);
        return c != 0 ? c : ComparePreRelease(PreRelease, other.PreRelease);
    }

    /// <summary>Orders versions by SemVer precedence.</summary>
    public static bool operator <(SemanticVersion a, SemanticVersion b) => a.CompareTo(b) < 0;

    /// <summary>Orders versions by SemVer precedence.</summary>
    public static bool operator >(SemanticVersion a, SemanticVersion b) => a.CompareTo(b) > 0;

    /// <summary>Orders versions by SemVer precedence.</summary>
    public static bool operator <=(SemanticVersion a, SemanticVersion b) => a.CompareTo(b) <= 0;

    /// <summary>Orders versions by SemVer precedence.</summary>
    public static bool operator >=(SemanticVersion a, SemanticVersion b) => a.CompareTo(b) >= 0;

    /// <inheritdoc />
    public override string ToString() =>
        PreRelease is null ? $"{Major}.{Minor}.{Patch}" : $"{Major}.{Minor}.{Patch}-{PreRelease}";

    private static int ComparePreRelease(string? a, string? b)
    {
        if (a == b) return 0;
        if (a is null) return 1; // a release ranks above its pre-releases
        if (b is null) return -1;
        var x = a.Split('.');
        var y = b.Split('.');
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var xNum = x[i].All(char.IsAsciiDigit);
            var yNum = y[i].All(char.IsAsciiDigit);
            int c;
            if (xNum && yNum) c = x[i].Length != y[i].Length ? x[i].Length.CompareTo(y[i].Length) : string.CompareOrdinal(x[i], y[i]);
            else if (xNum) c = -1;
            else if (yNum) c = 1;
            else c = string.CompareOrdinal(x[i], y[i]);
            if (c != 0) return c;
        }
        return x.Length.CompareTo(y.Length);
    }
}
