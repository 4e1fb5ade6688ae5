namespace ModelPipeline.Targets;

/// <summary>Makes a captured lambda's source text readable: <c>() => IsServerBuild</c> -> <c>IsServerBuild</c>.</summary>
internal static class ConditionText
{
    public static string Of(string text)
    {
        var trimmed = text.Trim();
        var arrow = trimmed.IndexOf("=>", StringComparison.Ordinal);
        if (trimmed.StartsWith("()", StringComparison.Ordinal) && arrow >= 0)
        {
            trimmed = trimmed[(arrow + 2)..].Trim();
        }

        return $"'{trimmed}'";
    }
}
