using System.Globalization;

namespace ModelPipeline.Targets;

/// <summary>Turns the text given for a parameter into its declared type.</summary>
internal static class ValueConverter
{
    /// <summary>bool parameters are flags: given alone they mean true.</summary>
    public static bool IsFlag(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(bool);

    public static bool IsArray(Type type) => type.IsArray;

    /// <summary>Whether values of <paramref name="type"/> can be parsed (see <see cref="ParameterAttribute"/>).</summary>
    public static bool IsSupported(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        var core = Nullable.GetUnderlyingType(element) ?? element;
        return core.IsEnum || core == typeof(string) || core == typeof(bool) || core == typeof(int) || core == typeof(long) ||
            core == typeof(double) || core == typeof(decimal) || core == typeof(AbsolutePath);
    }

    /// <summary>A short type description for help and errors: <c>string</c>, <c>int</c>, <c>Debug|Release</c>, <c>path[]</c>.</summary>
    public static string Describe(Type type)
    {
        if (type.IsArray)
        {
            return Describe(type.GetElementType()!) + "[]";
        }

        var core = Nullable.GetUnderlyingType(type) ?? type;
        if (core.IsEnum)
        {
            return string.Join('|', Enum.GetNames(core));
        }

        return core switch
        {
            _ when core == typeof(string) => "string",
            _ when core == typeof(bool) => "bool",
            _ when core == typeof(int) => "int",
            _ when core == typeof(long) => "long",
            _ when core == typeof(double) => "double",
            _ when core == typeof(decimal) => "decimal",
            _ when core == typeof(AbsolutePath) => "path",
            _ => core.Name,
        };
    }

    /// <summary>Converts <paramref name="values"/>; throws <see cref="FormatException"/> naming the expected type.</summary>
    public static object? Convert(IReadOnlyList<string> values, Type type, string baseDirectory)
    {
        if (type.IsArray)
        {
            var elementType = type.GetElementType()!;
            var array = Array.CreateInstance(elementType, values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                array.SetValue(ConvertOne(values[i], elementType, baseDirectory), i);
            }

            return array;
        }

        if (values.Count == 0)
        {
            return IsFlag(type) ? true : throw new FormatException($"a value of type {Describe(type)} is required");
        }

        if (values.Count > 1)
        {
            throw new FormatException($"one value of type {Describe(type)} expected, got {values.Count}");
        }

        return ConvertOne(values[0], type, baseDirectory);
    }

    private static object? ConvertOne(string text, Type type, string baseDirectory)
    {
        var core = Nullable.GetUnderlyingType(type) ?? type;
        var invariant = CultureInfo.InvariantCulture;
        object? result = core switch
        {
            _ when core == typeof(string) => text,
            _ when core == typeof(bool) => ParseBool(text),
            _ when core == typeof(int) => int.TryParse(text, NumberStyles.Integer, invariant, out var i) ? i : null,
            _ when core == typeof(long) => long.TryParse(text, NumberStyles.Integer, invariant, out var l) ? l : null,
            _ when core == typeof(double) => double.TryParse(text, NumberStyles.Float, invariant, out var d) ? d : null,
            _ when core == typeof(decimal) => decimal.TryParse(text, NumberStyles.Number, invariant, out var m) ? m : null,
            _ when core == typeof(AbsolutePath) => text.Length == 0 ? null
                : TypedText.IsImpossiblePath(text) ? throw new FormatException("expected path (a path cannot hold a NUL character)")
                : AbsolutePath.Resolve(text, baseDirectory),
            _ when core.IsEnum => ParseEnum(text, core),
            _ => throw new FormatException($"parameters of type {core.Name} are not supported"),
        };

        return result ?? throw new FormatException(core.IsEnum ? $"expected one of {Describe(core)}" : $"expected {Describe(core)}");
    }

    private static object? ParseBool(string text) => text.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => null,
    };

    private static object? ParseEnum(string text, Type enumType)
    {
        var simple = MemberNaming.Simplify(text);
        foreach (var name in Enum.GetNames(enumType))
        {
            if (MemberNaming.Simplify(name) == simple)
            {
                return Enum.Parse(enumType, name);
            }
        }

        return null;
    }
}
