using System.Globalization;
using System.Text.Json;

namespace ModelPipeline.Data;

/// <summary>One loosely-typed input value, reduced to a number, a flag, a text or missing.</summary>
internal readonly record struct Scalar(double? Number, bool? Flag, string? Text)
{
    public bool IsMissing => Number is null && Flag is null && string.IsNullOrWhiteSpace(Text);

    public static Scalar From(object? value, Func<Exception> notScalar) => value switch
    {
        null => default,
        JsonElement element => FromJson(element, notScalar),
        string text => new(null, null, text.Trim()),
        bool flag => new(null, flag, null),
        double d => FromDouble(d),
        float f => FromDouble(f),
        decimal m => new((double)m, null, null),
        int or long or short or byte or sbyte or uint or ulong or ushort => new(Convert.ToDouble(value, CultureInfo.InvariantCulture), null, null),
        _ => throw notScalar(),
    };

    /// <summary>The value as category text; a flag takes the spelling of a matching known level when there is one.</summary>
    public string AsText(IReadOnlyList<string> levels)
    {
        if (Flag is { } flag)
        {
            foreach (var level in levels)
            {
                if (BooleanText.TryParse(level, out var parsed) && parsed == flag)
                {
                    return level;
                }
            }

            return flag ? "true" : "false";
        }

        return Number is { } number ? number.ToString("R", CultureInfo.InvariantCulture) : Text!;
    }

    public string Describe() =>
        Number is { } n ? n.ToString("R", CultureInfo.InvariantCulture) : Flag is { } f ? (f ? "true" : "false") : $"\"{Text}\"";

    private static Scalar FromDouble(double value) => double.IsNaN(value) ? default : new(value, null, null);

    private static Scalar FromJson(JsonElement element, Func<Exception> notScalar) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => default,
        JsonValueKind.True => new(null, true, null),
        JsonValueKind.False => new(null, false, null),
        JsonValueKind.Number => new(element.GetDouble(), null, null),
        JsonValueKind.String => new(null, null, element.GetString()!.Trim()),
        _ => throw notScalar(),
    };
}
