namespace ModelPipeline.Targets;

/// <summary>
/// Parses <c>Target1 Target2 --option value ...</c>. Leading bare words are targets; an option takes the words that
/// follow it up to the next <c>--option</c> (arrays take all, flags take one only if it is true/false, others take one;
/// words left over are targets). <c>--name=value</c> also works. Option names ignore case and dashes.
/// </summary>
internal static class ArgumentParser
{
    /// <summary>The engine's own options, as shown by help.</summary>
    public static readonly string[] EngineOptions = ["--help", "--plan", "--skip", "--target", "--root", "--verbose"];

    public static ParsedArguments Parse(IReadOnlyList<string> args, IReadOnlyList<ParameterMember> parameters)
    {
        var parsed = new ParsedArguments();
        var i = 0;
        while (i < args.Count)
        {
            var arg = args[i++];
            if (!IsOption(arg))
            {
                parsed.Targets.Add(arg);
                continue;
            }

            var name = arg == "-h" ? "help" : arg[2..];
            var values = new List<string>();
            var equals = name.IndexOf('=');
            if (equals >= 0)
            {
                values.Add(name[(equals + 1)..]);
                name = name[..equals];
            }
            else
            {
                while (i < args.Count && !IsOption(args[i]))
                {
                    values.Add(args[i++]);
                }
            }

            parsed.Targets.AddRange(Apply(parsed, "--" + name, values, parameters));
        }

        return parsed;
    }

    private static bool IsOption(string arg) => arg == "-h" || (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2);

    /// <summary>Records one option; returns the words it did not consume.</summary>
    private static IEnumerable<string> Apply(ParsedArguments parsed, string option, List<string> values, IReadOnlyList<ParameterMember> parameters)
    {
        switch (MemberNaming.Simplify(option))
        {
            case "help" or "h":
                parsed.Help = true;
                return values;
            case "plan":
                parsed.Plan = true;
                return values;
            case "verbose":
                parsed.Verbose = true;
                return values;
            case "generateschema":
                parsed.GenerateSchema = true;
                return values;
            case "skip":
                (parsed.Skip ??= []).AddRange(values);
                return [];
            case "target":
                return values;
            case "root":
                parsed.Root = values.Count > 0 ? values[0] : throw new UsageException("Option '--root' needs a directory.");
                return values.Skip(1);
        }

        var simple = MemberNaming.Simplify(option);
        var parameter = parameters.FirstOrDefault(p => MemberNaming.Simplify(p.Name) == simple)
            ?? throw new UsageException(UnknownParameter(option, parameters));
        if (!parsed.Values.TryGetValue(parameter, out var list))
        {
            list = [];
            parsed.Values[parameter] = list;
        }

        if (parameter.Type.IsArray)
        {
            list.AddRange(values);
            return [];
        }

        list.Clear();
        var takesFirst = values.Count > 0 &&
            (!ValueConverter.IsFlag(parameter.Type) || values[0].ToLowerInvariant() is "true" or "false");
        if (takesFirst)
        {
            list.Add(values[0]);
        }

        return values.Skip(takesFirst ? 1 : 0);
    }

    private static string UnknownParameter(string option, IReadOnlyList<ParameterMember> parameters)
    {
        var known = parameters.Select(p => p.Option).Concat(EngineOptions).ToList();
        var closest = NearestName.Find(option, known);
        return closest is null
            ? $"Unknown parameter '{TypedText.Show(option)}'. Run with --help to list parameters."
            : $"Unknown parameter '{TypedText.Show(option)}'. Did you mean '{closest}'?";
    }
}
