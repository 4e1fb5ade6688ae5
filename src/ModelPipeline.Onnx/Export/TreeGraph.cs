using ModelPipeline.Onnx.Protobuf;
using ModelPipeline.Training;
using ModelPipeline.Training.Trees;

namespace ModelPipeline.Onnx.Export;

/// <summary>
/// A boosted tree ensemble as ONNX. The trees go into one ONNX-ML TreeEnsembleRegressor with double thresholds
/// (a numeric split "bin &lt;= t" is "value &lt;= upper edge of bin t", missing values follow the split's
/// missing direction; a categorical split tests a 0/1 membership column made from the level's bin). That operator
/// returns float, so each tree reports its leaf's ordinal (exact in float) and the leaf values, kept in double, are
/// gathered and summed afterwards: the scores keep double precision and the predicted classes match in-process ones.
/// </summary>
internal static class TreeGraph
{
    public static string Scores(OnnxGraph graph, ModelSchema schema, TreeEnsembleBody body, string[] inputs)
    {
        var (features, columnOf, setColumn) = FeatureColumns(graph, schema, body, inputs);
        var trees = body.Trees.Count == 0 ? [new RegressionTree([new TreeNode(-1, -1, 0, 0, false, -1, 0)], [])] : body.Trees;
        var outputs = body.Baseline.Length;
        if (trees.Count % outputs != 0)
        {
            throw new InvalidOperationException($"{trees.Count} trees do not fill whole boosting iterations of {outputs} outputs");
        }

        var ensemble = new EnsembleAttributes();
        var leafValues = new List<double>();
        var offsets = new long[trees.Count];
        for (var t = 0; t < trees.Count; t++)
        {
            offsets[t] = leafValues.Count;
            var nodes = trees[t].Nodes;
            for (var i = 0; i < nodes.Length; i++)
            {
                var node = nodes[i];
                if (node.IsLeaf)
                {
                    ensemble.Leaf(t, i, leafValues.Count - offsets[t]);
                    leafValues.Add(node.Value);
                }
                else if (node.CategorySet >= 0)
                {
                    // not a member (0 <= 0.5) goes right, a member goes left
                    ensemble.Split(t, i, setColumn[(t, node.CategorySet)], 0.5, node.Right, node.Left, false);
                }
                else
                {
                    var edges = body.Binner.Edges[node.Feature]!;
                    var threshold = node.Threshold < edges.Length ? edges[node.Threshold] : double.PositiveInfinity;
                    ensemble.Split(t, i, columnOf[node.Feature], threshold, node.Left, node.Right, node.MissingLeft);
                }
            }
        }

        var leaves = graph.Node("TreeEnsembleRegressor", OnnxGraph.MlDomain, [features], null, ensemble.Attributes(trees.Count));
        var ordinals = graph.Node("Cast", [leaves], OnnxAttribute.Int("to", TensorElement.Int64));
        var indices = graph.Node("Add", [ordinals, graph.Int64s(offsets, offsets.Length)]);
        var values = graph.Node("Gather", [graph.Doubles([.. leafValues], leafValues.Count), indices], OnnxAttribute.Int("axis", 0));
        var byIteration = graph.Node("Reshape", [values, graph.Int64s([-1, trees.Count / outputs, outputs], 3)]);
        var sums = graph.Node("ReduceSum", [byIteration, graph.Int64s([1], 1)], OnnxAttribute.Int("keepdims", 0));
        return graph.Node("Add", [sums, graph.Doubles(body.Baseline, outputs)]);
    }

    /// <summary>
    /// The tree input matrix [N, columns]: numeric inputs as they come, and per categorical input one 0/1 column per
    /// distinct category set its splits use (a row of a 256 × sets table looked up by the level's bin).
    /// </summary>
    private static (string Features, Dictionary<int, long> ColumnOf, Dictionary<(int Tree, int Set), long> SetColumn) FeatureColumns(
        OnnxGraph graph, ModelSchema schema, TreeEnsembleBody body, string[] inputs)
    {
        var setsByFeature = body.Trees
            .SelectMany((tree, t) => tree.Nodes.Where(n => !n.IsLeaf && n.CategorySet >= 0).Select(n => (Tree: t, Node: n)))
            .GroupBy(x => x.Node.Feature)
            .ToDictionary(g => g.Key, g => g.ToList());
        var columns = new List<string>();
        var columnOf = new Dictionary<int, long>();
        var setColumn = new Dictionary<(int Tree, int Set), long>();
        var width = 0L;
        for (var f = 0; f < inputs.Length; f++)
        {
            if (body.Binner.Edges[f] is not null)
            {
                columns.Add(inputs[f]);
                columnOf[f] = width++;
            }
            else if (setsByFeature.TryGetValue(f, out var splits))
            {
                var bins = body.Binner.CategoryBins[f]!;
                var bin = ExportedInputs.Encode(graph, inputs[f], schema.Inputs[f].Categories, c => c < bins.Length ? bins[c] : FeatureBinner.MissingBin, FeatureBinner.MissingBin, FeatureBinner.MissingBin);
                var distinct = new List<ulong[]>();
                foreach (var (tree, node) in splits)
                {
                    var set = body.Trees[tree].CategorySets.AsSpan(node.CategorySet * 4, 4).ToArray();
                    var index = distinct.FindIndex(s => s.AsSpan().SequenceEqual(set));
                    if (index < 0)
                    {
                        index = distinct.Count;
                        distinct.Add(set);
                    }

                    setColumn[(tree, node.CategorySet)] = width + index;
                }

                columns.Add(Membership(graph, bin, distinct));
                width += distinct.Count;
            }
        }

        if (columns.Count == 0)
        {
            columns.Add(graph.Node("Cast", [ExportedInputs.Encode(graph, inputs[0], [], _ => 0, 0, 0)], OnnxAttribute.Int("to", TensorElement.Double)));
        }

        var features = columns.Count == 1 ? columns[0] : graph.Node("Concat", [.. columns], OnnxAttribute.Int("axis", 1));
        return (features, columnOf, setColumn);
    }

    private static string Membership(OnnxGraph graph, string bin, List<ulong[]> sets)
    {
        var table = new double[256 * sets.Count];
        for (var b = 0; b < 256; b++)
        {
            for (var s = 0; s < sets.Count; s++)
            {
                table[(b * sets.Count) + s] = (sets[s][b >> 6] & (1UL << (b & 63))) != 0 ? 1 : 0;
            }
        }

        var rows = graph.Node("Gather", [graph.Doubles(table, 256, sets.Count), bin], OnnxAttribute.Int("axis", 0));
        return graph.Node("Flatten", [rows], OnnxAttribute.Int("axis", 1));
    }
}
