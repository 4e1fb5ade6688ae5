namespace ModelPipeline.Training.Trees;

/// <summary>
/// Histogram gradient boosting (as scikit-learn's HistGradientBoosting, same defaults): binned features, one tree
/// per output per iteration grown leaf-wise on gradients and hessians, optional early stopping on a seeded
/// validation split (loss not improving by <c>tolerance</c> within <c>n_iter_no_change</c> iterations).
/// </summary>
internal static class GradientBoostingTrainer
{
    public static ModelBody Fit(TrainingContext context)
    {
        var p = context.Parameters;
        var parallel = context.Parallel;
        var task = context.Schema.Task;
        var targets = context.Targets;
        var earlyStopping = p.Text("early_stopping") switch
        {
            "auto" => targets.Length > 10_000,
            "true" => true,
            _ => false,
        };
        var (fitRows, validRows) = earlyStopping
            ? ValidationSplit.Of(targets, p.Number("validation_fraction"), context.Spec.Seed, task != TaskKind.Regression)
            : ([.. Enumerable.Range(0, targets.Length)], []);
        var binner = FeatureBinner.Fit(context.Inputs, fitRows, p.Integer("max_bins"), context.Spec.Seed, parallel);
        var fitBins = binner.Bin(context.Inputs, fitRows, parallel);
        var validBins = binner.Bin(context.Inputs, validRows, parallel);
        var yFit = fitRows.Select(r => targets[r]).ToArray();
        var yValid = validRows.Select(r => targets[r]).ToArray();
        var outputs = task == TaskKind.Multiclass ? context.ClassCount : 1;
        var loss = new BoostingLoss(task, outputs);
        var baseline = loss.Baseline(yFit);
        var rawFit = Repeat(baseline, yFit.Length);
        var rawValid = Repeat(baseline, yValid.Length);
        var growth = new GrowthOptions(p.OptionalInteger("max_leaves"), p.OptionalInteger("max_depth"), p.Integer("min_samples_leaf"), p.Number("l2"), p.Number("learning_rate"));
        var features = binner.FeatureCount;
        var grower = new TreeGrower(fitBins, yFit.Length, binner, growth, parallel);
        var pairs = Enumerable.Range(0, outputs).Select(_ => new float[2 * yFit.Length]).ToArray();
        var trees = new List<RegressionTree>();
        var scores = new List<double>();
        if (earlyStopping)
        {
            scores.Add(-loss.Mean(rawValid, yValid, parallel));
        }

        var maxIterations = p.Integer("max_iterations");
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            loss.Gradients(rawFit, yFit, pairs, parallel);
            for (var k = 0; k < outputs; k++)
            {
                var tree = grower.Grow(pairs[k]);
                trees.Add(tree);
                AddLeaves(grower, rawFit, outputs, k, parallel);
                RowChunks.For(yValid.Length, 4096, parallel, (_, start, end) =>
                {
                    for (var row = start; row < end; row++)
                    {
                        rawValid[(row * outputs) + k] += tree.Predict(validBins, features, row);
                    }
                });
            }

            context.Progress?.Report(new TrainingProgress("boosting", iteration + 1, maxIterations));
            if (earlyStopping)
            {
                scores.Add(-loss.Mean(rawValid, yValid, parallel));
                if (ShouldStop(scores, p.Integer("n_iter_no_change"), p.Number("tolerance")))
                {
                    break;
                }
            }
        }

        return new TreeEnsembleBody(task, binner, baseline, trees);
    }

    /// <summary>scikit-learn's rule: stop when none of the last n scores beats the one n+1 back by more than tol.</summary>
    private static bool ShouldStop(List<double> scores, int noChange, double tolerance)
    {
        if (scores.Count <= noChange)
        {
            return false;
        }

        var reference = scores[^(noChange + 1)] + tolerance;
        for (var i = scores.Count - noChange; i < scores.Count; i++)
        {
            if (scores[i] > reference)
            {
                return false;
            }
        }

        return true;
    }

    private static void AddLeaves(TreeGrower grower, double[] raw, int outputs, int output, ParallelOptions parallel)
    {
        var rows = grower.Rows;
        Parallel.ForEach(grower.Leaves, parallel, leaf =>
        {
            for (var i = leaf.Start; i < leaf.End; i++)
            {
                raw[(rows[i] * outputs) + output] += leaf.Value;
            }
        });
    }

    private static double[] Repeat(double[] baseline, int rows)
    {
        var raw = new double[rows * baseline.Length];
        for (var r = 0; r < rows; r++)
        {
            baseline.CopyTo(raw, r * baseline.Length);
        }

        return raw;
    }
}
