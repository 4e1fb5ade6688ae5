using ModelPipeline.Training.Features;

namespace ModelPipeline.Training.Linear;

/// <summary>
/// Ridge regression in closed form, as scikit-learn's Ridge: minimises ||y - Xw - b||² + l2 · ||w||² with the
/// intercept unpenalised, by solving the normal equations (Cholesky). Gram sums run per fixed row chunk.
/// </summary>
internal static class LinearRegressionTrainer
{
    public static ModelBody Fit(TrainingContext context)
    {
        var featurizer = LinearFeaturizer.Fit(context.Inputs, context.Schema, context.Spec.Features);
        var design = featurizer.Transform(context.Inputs, context.Parallel);
        var p = design.FeatureCount;
        var m = p + 1;
        var n = design.RowCount;
        var chunkSize = Math.Max(65536, (n / 16) + 1);
        var chunks = RowChunks.Count(n, chunkSize);
        var grams = new double[chunks][];
        var moments = new double[chunks][];
        RowChunks.For(n, chunkSize, context.Parallel, (chunk, start, end) =>
        {
            var gram = grams[chunk] = new double[m * m];
            var xy = moments[chunk] = new double[m];
            var index = new int[design.Numeric.Length + design.Slots.Length + 1];
            var value = new double[index.Length];
            for (var row = start; row < end; row++)
            {
                var a = 0;
                for (var j = 0; j < design.Numeric.Length; j++, a++)
                {
                    index[a] = design.NumericFeature[j];
                    value[a] = design.Value(j, row);
                }

                for (var c = 0; c < design.Slots.Length; c++, a++)
                {
                    index[a] = design.Slots[c][row];
                    value[a] = 1;
                }

                index[a] = p;
                value[a] = 1;
                var y = context.Targets[row];
                for (var u = 0; u < index.Length; u++)
                {
                    xy[index[u]] += value[u] * y;
                    var rowOffset = index[u] * m;
                    for (var v = 0; v < index.Length; v++)
                    {
                        gram[rowOffset + index[v]] += value[u] * value[v];
                    }
                }
            }
        });
        var total = new double[m * m];
        var rhs = new double[m];
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            for (var i = 0; i < total.Length; i++)
            {
                total[i] += grams[chunk][i];
            }

            for (var i = 0; i < m; i++)
            {
                rhs[i] += moments[chunk][i];
            }
        }

        var l2 = context.Parameters.Number("l2");
        for (var i = 0; i < p; i++)
        {
            total[(i * m) + i] += l2;
        }

        var solution = Cholesky.Solve(total, rhs, m);
        context.Progress?.Report(new TrainingProgress("ridge", 1, 1));
        return new LinearModelBody(TaskKind.Regression, featurizer, 1, solution[..p], [solution[p]]) { FeatureMeans = design.FeatureMeans() };
    }
}
