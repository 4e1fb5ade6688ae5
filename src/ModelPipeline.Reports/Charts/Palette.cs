namespace ModelPipeline.Reports;

/// <summary>Colour-blind-safe colours (Okabe–Ito) used by every chart.</summary>
internal static class Palette
{
    public const string Challenger = "#0072B2";
    public const string Champion = "#D55E00";
    public const string Reference = "#56B4E9";
    public const string Current = "#D55E00";
    public const string Neutral = "#8c959f";
    public const string Good = "#1a7f37";
    public const string Bad = "#cf222e";
}
