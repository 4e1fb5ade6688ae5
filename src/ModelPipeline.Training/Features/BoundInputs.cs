namespace ModelPipeline.Training.Features;

/// <summary>
/// A frame's input columns lined up with a model schema: per input either numbers (NaN = missing) or
/// category indices into the schema's categories (<see cref="Missing"/>, <see cref="Unknown"/>).
/// </summary>
internal sealed class BoundInputs(int rowCount, double[]?[] numbers, int[]?[] codes)
{
    public const int Missing = -1;

    public const int Unknown = -2;

    public int RowCount { get; } = rowCount;

    public double[]?[] Numbers { get; } = numbers;

    public int[]?[] Codes { get; } = codes;
}
