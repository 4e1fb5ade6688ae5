using ModelPipeline.Training.Format;

namespace ModelPipeline.Training.Features;

/// <summary>
/// Imputation, scaling and one-hot encoding fitted on training rows, per input column in schema order.
/// Numeric and boolean inputs take one feature each; a categorical input takes one feature per kept level plus an
/// unknown-category bucket.
/// </summary>
internal sealed class LinearFeaturizer(NumericTransform?[] numeric, OneHotTransform?[] oneHot, int featureCount)
{
    public NumericTransform?[] Numeric { get; } = numeric;

    public OneHotTransform?[] OneHot { get; } = oneHot;

    public int FeatureCount { get; } = featureCount;

    public static LinearFeaturizer Fit(BoundInputs inputs, ModelSchema schema, FeatureOptions options)
    {
        var numeric = new NumericTransform?[schema.Inputs.Count];
        var oneHot = new OneHotTransform?[schema.Inputs.Count];
        var next = 0;
        for (var i = 0; i < schema.Inputs.Count; i++)
        {
            if (inputs.Numbers[i] is { } values)
            {
                numeric[i] = NumericTransform.Fit(next++, values, options);
            }
            else
            {
                var transform = OneHotTransform.Fit(next, inputs.Codes[i]!, schema.Inputs[i].Categories.Count, options);
                oneHot[i] = transform;
                next += transform.Width(next);
            }
        }

        return new LinearFeaturizer(numeric, oneHot, next);
    }

    public DesignMatrix Transform(BoundInputs inputs, ParallelOptions parallel)
    {
        var numericInputs = Enumerable.Range(0, Numeric.Length).Where(i => Numeric[i] is not null).ToArray();
        var categoricalInputs = Enumerable.Range(0, OneHot.Length).Where(i => OneHot[i] is not null).ToArray();
        var numeric = new double[numericInputs.Length][];
        var slots = new int[categoricalInputs.Length][];
        var n = inputs.RowCount;
        Parallel.For(0, numericInputs.Length + categoricalInputs.Length, parallel, j =>
        {
            if (j < numericInputs.Length)
            {
                var transform = Numeric[numericInputs[j]]!.Value;
                var source = inputs.Numbers[numericInputs[j]]!;
                numeric[j] = source.Any(double.IsNaN) ? [.. source.Select(v => double.IsNaN(v) ? transform.Fill : v)] : source;
            }
            else
            {
                var input = categoricalInputs[j - numericInputs.Length];
                var transform = OneHot[input]!;
                var source = inputs.Codes[input]!;
                var target = slots[j - numericInputs.Length] = new int[n];
                for (var row = 0; row < n; row++)
                {
                    target[row] = transform.SlotFor(source[row]);
                }
            }
        });
        var transforms = numericInputs.Select(i => Numeric[i]!.Value).ToArray();
        return new DesignMatrix(n, FeatureCount, numeric, [.. transforms.Select(t => t.Feature)], [.. transforms.Select(t => t.Center)], [.. transforms.Select(t => t.Scale)], slots);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(FeatureCount);
        writer.Write(Numeric.Length);
        for (var i = 0; i < Numeric.Length; i++)
        {
            if (Numeric[i] is { } numeric)
            {
                writer.Write((byte)0);
                writer.Write(numeric.Feature);
                writer.Write(numeric.Fill);
                writer.Write(numeric.Center);
                writer.Write(numeric.Scale);
            }
            else
            {
                var oneHot = OneHot[i]!;
                writer.Write((byte)1);
                writer.Write(oneHot.MissingSlot);
                writer.Write(oneHot.UnknownSlot);
                writer.Write(oneHot.SlotOf.Length);
                foreach (var slot in oneHot.SlotOf)
                {
                    writer.Write(slot);
                }
            }
        }
    }

    public static LinearFeaturizer Read(BinaryReader reader, ModelSchema schema)
    {
        var featureCount = ModelFile.ReadCount(reader);
        var count = ModelFile.ReadCount(reader);
        if (count != schema.Inputs.Count)
        {
            throw new InvalidDataException($"featurizer has {count} inputs; schema has {schema.Inputs.Count}");
        }

        var numeric = new NumericTransform?[count];
        var oneHot = new OneHotTransform?[count];
        for (var i = 0; i < count; i++)
        {
            if (reader.ReadByte() == 0)
            {
                numeric[i] = new NumericTransform(reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
            }
            else
            {
                var missing = reader.ReadInt32();
                var unknown = reader.ReadInt32();
                var slotOf = new int[ModelFile.ReadCount(reader)];
                for (var c = 0; c < slotOf.Length; c++)
                {
                    slotOf[c] = reader.ReadInt32();
                }

                oneHot[i] = new OneHotTransform(slotOf, missing, unknown);
            }
        }

        return new LinearFeaturizer(numeric, oneHot, featureCount);
    }
}
