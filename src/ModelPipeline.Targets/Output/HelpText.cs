using System.Collections;

namespace ModelPipeline.Targets;

/// <summary>The text <c>--help</c> prints: targets with descriptions and dependencies, parameters, engine options.</summary>
internal static class HelpText
{
    public static IEnumerable<string> Lines(
        TargetGraph graph,
        TargetNode? defaultTarget,
        IReadOnlyList<ParameterMember> parameters,
        IReadOnlyDictionary<ParameterMember, object?> defaults)
    {
        yield return "Usage: ./build.sh [targets...] [--parameter value...]";
        yield return "";
        yield return "Targets (-> what each needs first; after: what runs it too):";
        var targets = graph.Targets.Where(t => !t.Definition.IsUnlisted).Select(t => (
            Name: t.Name + (t == defaultTarget ? " (default)" : ""),
            Dependencies: Relations(t),
            Description: t.Definition.Text ?? "")).ToList();
        foreach (var line in Columns(targets.Select(t => new[] { t.Name, t.Dependencies, t.Description })))
        {
            yield return line;
        }

        if (defaultTarget is not null)
        {
            yield return "";
            yield return $"With no target, ./build.sh runs {defaultTarget.Name} with what it needs and what runs after it, in this order:";
            yield return "  " + string.Join(" -> ", graph.Plan([defaultTarget]).Select(Planned));
        }

        yield return "";
        yield return "Parameters:";
        var rows = parameters.Select(p => new[]
        {
            $"{p.Option} <{ValueConverter.Describe(p.Type)}>",
            Describe(p, defaults.GetValueOrDefault(p)),
        });
        foreach (var line in Columns(rows))
        {
            yield return line;
        }

        yield return "";
        yield return "Engine options:";
        foreach (var line in Columns(
        [
            ["--skip [targets...]", "Skip these targets and what only they need; alone: skip all but the named targets"],
            ["--plan", "Print the targets that would run, in order, and run nothing"],
            ["--root <dir>", "Root directory (default: the nearest folder with .nuke/ above the working directory)"],
            ["--verbose", "Debug lines and full stack traces of failures"],
            ["--help, -h", "This text"],
        ]))
        {
            yield return line;
        }

        yield return "";
        yield return "Parameter values come from (first found wins): " + ParameterInjection.PrecedenceText + ".";
        if (Example(parameters) is { } example)
        {
            yield return $"Environment variables are the UPPER_SNAKE_CASE names ({example.Option} -> {example.EnvironmentVariable});";
            yield return $".nuke/parameters.json keys are the PascalCase names ({example.Name}).";
        }
    }

    /// <summary>A parameter of this build whose name has several words (shows the naming best), else the first.</summary>
    private static ParameterMember? Example(IReadOnlyList<ParameterMember> parameters) =>
        parameters.FirstOrDefault(p => p.Option.IndexOf('-', 2) > 0) ?? parameters.FirstOrDefault();

    private static string Relations(TargetNode target)
    {
        var parts = new List<string>();
        if (target.Dependencies.Count > 0)
        {
            parts.Add("-> " + string.Join(", ", target.Dependencies));
        }

        if (target.TriggeredBy.Count > 0)
        {
            parts.Add("after " + string.Join(", ", target.TriggeredBy));
        }

        return string.Join("; ", parts);
    }

    /// <summary>A target of the default run, with the condition it runs under when it has a static one.</summary>
    private static string Planned(TargetNode target) =>
        target.Definition.StaticConditions.Count == 0
            ? target.Name
            : $"{target.Name} (only when {string.Join(" and ", target.Definition.StaticConditions.Select(c => ConditionText.Of(c.Text).Trim('\'')))})";

    private static string Describe(ParameterMember parameter, object? value)
    {
        var text = parameter.Description ?? "";
        if (parameter.IsSecret)
        {
            return (text + " <secret>").Trim();
        }

        var shown = Show(value);
        return shown is null ? text : $"{text} (default: {shown})".Trim();
    }

    private static string? Show(object? value) => value switch
    {
        null => null,
        string { Length: 0 } => null,
        string text => text,
        bool flag => flag ? "true" : null,
        IEnumerable items => items.Cast<object?>().Any() ? string.Join(' ', items.Cast<object?>()) : null,
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static IEnumerable<string> Columns(IEnumerable<string[]> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            yield return "  (none)";
            yield break;
        }

        var widths = Enumerable.Range(0, list[0].Length - 1)
            .Select(c => list.Max(r => r[c].Length))
            .ToArray();
        foreach (var row in list)
        {
            var cells = row.Select((cell, c) => c < widths.Length && widths[c] > 0 ? cell.PadRight(widths[c] + 3) : cell);
            yield return ("  " + string.Concat(cells)).TrimEnd();
        }
    }
}
