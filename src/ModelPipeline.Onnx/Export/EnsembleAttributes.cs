using ModelPipeline.Onnx.Protobuf;

namespace ModelPipeline.Onnx.Export;

/// <summary>
/// Collects the node and target tuples of an ONNX-ML TreeEnsembleRegressor whose target t is tree t's leaf ordinal.
/// </summary>
internal sealed class EnsembleAttributes
{
    private readonly List<long> _treeIds = [];
    private readonly List<long> _nodeIds = [];
    private readonly List<long> _featureIds = [];
    private readonly List<string> _modes = [];
    private readonly List<double> _values = [];
    private readonly List<long> _trueIds = [];
    private readonly List<long> _falseIds = [];
    private readonly List<long> _missingTrue = [];
    private readonly List<long> _targetTrees = [];
    private readonly List<long> _targetNodes = [];
    private readonly List<float> _targetWeights = [];

    public void Split(int tree, int node, long feature, double threshold, int whenTrue, int whenFalse, bool missingTrue)
    {
        Add(tree, node, feature, "BRANCH_LEQ", threshold, whenTrue, whenFalse);
        _missingTrue.Add(missingTrue ? 1 : 0);
    }

    public void Leaf(int tree, int node, long ordinal)
    {
        Add(tree, node, 0, "LEAF", 0, 0, 0);
        _missingTrue.Add(0);
        _targetTrees.Add(tree);
        _targetNodes.Add(node);
        _targetWeights.Add(ordinal);
    }

    public OnnxAttribute[] Attributes(int trees) =>
    [
        OnnxAttribute.Int("n_targets", trees),
        OnnxAttribute.Text("aggregate_function", "SUM"),
        OnnxAttribute.Text("post_transform", "NONE"),
        OnnxAttribute.Ints("nodes_treeids", _treeIds),
        OnnxAttribute.Ints("nodes_nodeids", _nodeIds),
        OnnxAttribute.Ints("nodes_featureids", _featureIds),
        OnnxAttribute.Texts("nodes_modes", _modes),
        OnnxAttribute.Doubles("nodes_values_as_tensor", _values),
        OnnxAttribute.Ints("nodes_truenodeids", _trueIds),
        OnnxAttribute.Ints("nodes_falsenodeids", _falseIds),
        OnnxAttribute.Ints("nodes_missing_value_tracks_true", _missingTrue),
        OnnxAttribute.Ints("target_treeids", _targetTrees),
        OnnxAttribute.Ints("target_nodeids", _targetNodes),
        OnnxAttribute.Ints("target_ids", _targetTrees),
        OnnxAttribute.Floats("target_weights", _targetWeights),
    ];

    private void Add(int tree, int node, long feature, string mode, double value, int whenTrue, int whenFalse)
    {
        _treeIds.Add(tree);
        _nodeIds.Add(node);
        _featureIds.Add(feature);
        _modes.Add(mode);
        _values.Add(value);
        _trueIds.Add(whenTrue);
        _falseIds.Add(whenFalse);
    }
}
