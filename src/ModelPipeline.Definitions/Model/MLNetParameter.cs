namespace ModelPipeline.Definitions;

/// <summary>One parameter of an ML.NET trainer: whole number or not, the smallest allowed value, and how errors describe it.</summary>
public sealed record MLNetParameter(string Name, bool IsInteger, double Minimum, string Expected);
