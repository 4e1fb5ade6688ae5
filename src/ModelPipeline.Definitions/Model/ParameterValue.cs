using System.Globalization;

namespace ModelPipeline.Definitions;

/// <summary>
/// One hyperparameter value as written in the YAML (a scalar), with where it was written so that
/// a trainer can report a bad value at its position.
/// </summary>
/// <param name="Text">The scalar's text.</param>
/// <param name="IsQuoted">True when written in quotes (then it is text, never a number).</param>
public sealed record ParameterValue(string Text, bool IsQuoted, string File, int Line, int Column)
{
    /// <summary>The value as a number, or null when it is not one.</summary>
    public double? AsNumber() =>
        !IsQuoted && double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The value as a whole number, or null when it is not one.</summary>
    public long? AsInteger() =>
        !IsQuoted && long.TryParse(Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The value as true/false, or null when it is not one.</summary>
    public bool? AsBoolean() => !IsQuoted && bool.TryParse(Text, out var value) ? value : null;

    /// <summary>"file:line:column" for messages about this value.</summary>
    public string Location => $"{File}:{Line}:{Column}";

    public override string ToString() => Text;
}
