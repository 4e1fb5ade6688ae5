namespace ModelPipeline.Registry;

/// <summary>The on-disk spelling of <see cref="VersionTrigger"/> (<c>local</c>, <c>schedule</c>, <c>data_change</c>, <c>drift</c>, <c>manual</c>, <c>ci</c>).</summary>
public static class VersionTriggerText
{
    /// <summary>The snake_case text stored in version.json, e.g. <c>data_change</c>.</summary>
    public static string ToText(VersionTrigger trigger) => RegistryJsonNames.Trigger(trigger);

    /// <summary>Parses the stored text (case-insensitive; <c>-</c> accepted for <c>_</c>); throws <see cref="RegistryException"/> naming the valid values.</summary>
    public static VersionTrigger Parse(string text)
    {
        var normalized = (text ?? "").Trim().Replace('-', '_');
        foreach (var trigger in Enum.GetValues<VersionTrigger>())
            if (string.Equals(ToText(trigger), normalized, StringComparison.OrdinalIgnoreCase))
                return trigger;
        throw new RegistryException(
            $"unknown trigger '{text}'; expected one of {string.Join(", ", Enum.GetValues<VersionTrigger>().Select(ToText))}");
    }
}
