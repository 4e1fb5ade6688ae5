namespace ModelPipeline.Training;

/// <summary>
/// Exact per-row feature attributions of a built-in model (TreeSHAP for gradient boosting, coefficient × centred
/// value for linear models): for every row and output, <see cref="BaseValues"/>[output] plus the row's
/// contributions over all inputs equals the model's raw output (the value for regression, the log-odds of the
/// positive class for binary, each class's score before the softmax for multiclass).
/// </summary>
public sealed class Attributions
{
    private readonly double[] _values;

    internal Attributions(IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, double[] baseValues, double[] values, int rowCount)
    {
        Inputs = inputs;
        Outputs = outputs;
        BaseValues = baseValues;
        _values = values;
        RowCount = rowCount;
    }

    /// <summary>The model's input columns, in schema order.</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>What each raw output is: the label (regression), the positive class (binary), every class (multiclass).</summary>
    public IReadOnlyList<string> Outputs { get; }

    /// <summary>Per output, the expected raw output over the training rows (what a row with no information would get).</summary>
    public IReadOnlyList<double> BaseValues { get; }

    public int RowCount { get; }

    /// <summary>Input <paramref name="input"/>'s contribution to output <paramref name="output"/> of row <paramref name="row"/>.</summary>
    public double this[int row, int output, int input] => _values[(((row * Outputs.Count) + output) * Inputs.Count) + input];

    /// <summary>Every input's contribution to one output of one row, in schema order.</summary>
    public ReadOnlySpan<double> Row(int row, int output) => _values.AsSpan(((row * Outputs.Count) + output) * Inputs.Count, Inputs.Count);

    /// <summary>What each output is named: the label (regression), the positive class (binary), every class (multiclass).</summary>
    internal static IReadOnlyList<string> OutputNames(ModelSchema schema) => schema.Task switch
    {
        TaskKind.Regression => [schema.Label],
        TaskKind.Binary => [schema.Classes[1]],
        _ => schema.Classes,
    };
}
