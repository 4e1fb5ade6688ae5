using ModelPipeline.Data;
using ModelPipeline.Testing;
using ModelPipeline.Training.Tests.Support;
using ModelPipeline.Training.Trees;

namespace ModelPipeline.Training.Tests;

/// <summary>
/// Exact attributions (issue 17): TreeSHAP for gradient boosting and coefficient × centred value for linear models
/// add up to the raw output on every shared data set, equal brute-force Shapley values, and do not depend on threads.
/// </summary>
public sealed class ExplanationTests
{
    public static TheoryData<string, TaskKind, string, string> EverySharedSetAndTrainer() => new()
    {
        { "churn.csv", TaskKind.Binary, "churn", "gradient_boosting" },
        { "churn.csv", TaskKind.Binary, "churn", "logistic_regression" },
        { "breast_cancer.csv", TaskKind.Binary, "malignant", "gradient_boosting" },
        { "breast_cancer.csv", TaskKind.Binary, "malignant", "logistic_regression" },
        { "satellite.csv", TaskKind.Multiclass, "class", "gradient_boosting" },
        { "satellite.csv", TaskKind.Multiclass, "class", "logistic_regression" },
        { "diabetes_progression.csv", TaskKind.Regression, "disease_progression", "gradient_boosting" },
        { "diabetes_progression.csv", TaskKind.Regression, "disease_progression", "linear_regression" },
    };

    [Theory]
    [MemberData(nameof(EverySharedSetAndTrainer))]
    public void Explain_EveryRow_BaseValuePlusContributionsIsTheRawOutput(string file, TaskKind task, string label, string trainer)
    {
        var frame = TestData.Read(file);
        var model = ModelTrainer.Fit(frame, Specs.Of(task, label, trainer));
        var rows = frame.Take([.. Enumerable.Range(0, Math.Min(frame.RowCount, 400))]);

        var attributions = model.Explain(rows);
        var raw = model.RawScores(rows);

        var outputs = attributions.Outputs.Count;
        Assert.Equal(task == TaskKind.Multiclass ? model.Schema.Classes.Count : 1, outputs);
        Assert.Equal(model.Schema.Inputs.Select(i => i.Name), attributions.Inputs);
        for (var row = 0; row < rows.RowCount; row++)
        {
            for (var output = 0; output < outputs; output++)
            {
                var sum = attributions.BaseValues[output];
                foreach (var contribution in attributions.Row(row, output))
                {
                    sum += contribution;
                }

                var expected = raw[(row * outputs) + output];
                Assert.True(Math.Abs(sum - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"row {row} output {output}: base + contributions {sum:R}, raw output {expected:R}");
            }
        }
    }

    [Theory]
    [InlineData("churn.csv", TaskKind.Binary, "churn", new[] { "tenure", "contract", "monthly_charges", "internet_service", "payment_method", "senior_citizen" })]
    [InlineData("diabetes_progression.csv", TaskKind.Regression, "disease_progression", new[] { "age", "sex", "bmi", "bp", "s5" })]
    [InlineData("satellite.csv", TaskKind.Multiclass, "class", new[] { "x1", "x2", "x17", "x18", "x20" })]
    public void TreeShap_SmallTrees_EqualBruteForceShapleyValues(string file, TaskKind task, string label, string[] inputs)
    {
        var frame = TestData.Read(file);
        var small = new Frame([.. inputs.Select(i => frame[i]), frame[label]]);
        var model = ModelTrainer.Fit(small, Specs.Of(task, label, "gradient_boosting", ("max_iterations", "4"), ("max_depth", "4"), ("early_stopping", "false")));
        var rows = small.Take([.. Enumerable.Range(0, 25)]);
        var body = (TreeEnsembleBody)model.Body;
        var bins = body.Binner.Bin(Features.InputBinding.Bind(model.Schema, rows), null, new ParallelOptions());
        var m = inputs.Length;
        var k = body.Baseline.Length;

        var attributions = model.Explain(rows);

        for (var row = 0; row < rows.RowCount; row++)
        {
            var rowBins = bins.AsSpan(row * m, m).ToArray();
            for (var output = 0; output < k; output++)
            {
                var trees = body.Trees.Where((_, t) => t % k == output).ToArray();
                for (var feature = 0; feature < m; feature++)
                {
                    var exact = BruteForceShapley(trees, rowBins, m, feature);
                    Assert.True(Math.Abs(exact - attributions[row, output, feature]) <= 1e-9,
                        $"row {row} output {output} '{inputs[feature]}': brute force {exact:R}, TreeSHAP {attributions[row, output, feature]:R}");
                }
            }
        }
    }

    [Fact]
    public void Explain_LinearRegression_ContributionIsCoefficientTimesDistanceFromTheTrainingMean()
    {
        var frame = TestData.Read("diabetes_progression.csv");
        var model = ModelTrainer.Fit(frame, Specs.Of(TaskKind.Regression, "disease_progression", "linear_regression"));
        var rows = frame.Take([.. Enumerable.Range(0, 20)]);

        var attributions = model.Explain(rows);

        var baseline = model.Predict(rows).Values;
        for (var input = 0; input < model.Schema.Inputs.Count; input++)
        {
            Assert.Equal(ColumnKind.Numeric, model.Schema.Inputs[input].Kind);
            var column = frame[model.Schema.Inputs[input].Name].Numbers!;
            var mean = column.Average();
            var shifted = new Frame([.. rows.Columns.Select(c => c.Name == model.Schema.Inputs[input].Name ? Column.Numeric(c.Name, [.. c.Numbers!.Select(v => v + 1)]) : c)]);
            var coefficient = model.Predict(shifted).Values[0] - baseline[0];
            for (var row = 0; row < rows.RowCount; row++)
            {
                var expected = coefficient * (rows[model.Schema.Inputs[input].Name].Numbers![row] - mean);
                Assert.Equal(expected, attributions[row, 0, input], 1e-6);
            }
        }
    }

    [Theory]
    [InlineData("gradient_boosting")]
    [InlineData("logistic_regression")]
    public void Explain_OneThreadOrAll_SameBits_AndTheSavedModelExplainsTheSame(string trainer)
    {
        var frame = TestData.Read("churn.csv");
        var model = ModelTrainer.Fit(frame, Specs.Of(TaskKind.Binary, "churn", trainer));
        var rows = frame.Take([.. Enumerable.Range(0, 3000)]);

        var one = model.Explain(rows, threads: 1);
        var all = model.Explain(rows, threads: 4);
        var reloaded = TrainedModel.Load(model.ToBytes()).Explain(rows, threads: 2);

        foreach (var other in new[] { all, reloaded })
        {
            Assert.Equal(one.BaseValues, other.BaseValues);
            for (var row = 0; row < rows.RowCount; row++)
            {
                Assert.True(one.Row(row, 0).SequenceEqual(other.Row(row, 0)), $"row {row} differs");
            }
        }
    }

    /// <summary>
    /// Shapley values by their definition: v(S) is the trees' expected output when the inputs in S are the row's and
    /// the others are integrated over the training rows by the covers (the value TreeSHAP's paths stand for).
    /// </summary>
    private static double BruteForceShapley(RegressionTree[] trees, byte[] bins, int m, int feature)
    {
        double Value(int subset) => trees.Sum(t => Expected(t, 0, bins, subset));
        var others = Enumerable.Range(0, m).Where(f => f != feature).ToArray();
        var total = 0.0;
        for (var mask = 0; mask < 1 << others.Length; mask++)
        {
            var subset = 0;
            var size = 0;
            for (var b = 0; b < others.Length; b++)
            {
                if ((mask & (1 << b)) != 0)
                {
                    subset |= 1 << others[b];
                    size++;
                }
            }

            var weight = Factorial(size) * Factorial(m - size - 1) / Factorial(m);
            total += weight * (Value(subset | (1 << feature)) - Value(subset));
        }

        return total;
    }

    private static double Expected(RegressionTree tree, int index, byte[] bins, int subset)
    {
        var node = tree.Nodes[index];
        if (node.IsLeaf)
        {
            return node.Value;
        }

        if ((subset & (1 << node.Feature)) != 0)
        {
            return Expected(tree, tree.GoesLeft(in node, bins[node.Feature]) ? node.Left : node.Right, bins, subset);
        }

        var (left, right) = (tree.Nodes[node.Left], tree.Nodes[node.Right]);
        return ((left.Cover * Expected(tree, node.Left, bins, subset)) + (right.Cover * Expected(tree, node.Right, bins, subset))) / node.Cover;
    }

    private static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
}
