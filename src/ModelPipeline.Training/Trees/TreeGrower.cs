namespace ModelPipeline.Training.Trees;

/// <summary>
/// Grows one tree leaf-wise on binned rows: always splits the open node with the largest gain, until
/// <see cref="GrowthOptions.MaxLeaves"/> leaves, the depth limit, or no split gains. Children's histograms come
/// from the smaller child's rows and the parent − smaller subtraction.
/// </summary>
internal sealed class TreeGrower
{
    private readonly byte[] _bins;
    private readonly int _features;
    private readonly HistogramBuilder _histograms;
    private readonly GrowthOptions _options;
    private readonly ParallelOptions _parallel;
    private readonly SplitFinder _finder;
    private readonly RowPartition _partition;
    private readonly Stack<NodeHistogram> _pool = new();

    public TreeGrower(byte[] bins, int rowCount, FeatureBinner binner, GrowthOptions options, ParallelOptions parallel)
    {
        _bins = bins;
        _features = binner.FeatureCount;
        _histograms = new HistogramBuilder(bins, _features);
        _options = options;
        _parallel = parallel;
        _finder = new SplitFinder(binner, options);
        _partition = new RowPartition(rowCount);
    }

    /// <summary>The leaves of the last grown tree as row ranges of <see cref="Rows"/>, with their values.</summary>
    public List<(int Start, int End, double Value)> Leaves { get; } = [];

    public int[] Rows => _partition.Rows;

    /// <summary>Grows a tree on (gradient, hessian) pairs, two floats per row.</summary>
    public RegressionTree Grow(float[] pairs)
    {
        _partition.Reset();
        Leaves.Clear();
        var n = _partition.Rows.Length;
        var nodes = new List<GrowingNode>();
        var rootHistogram = Rent();
        _histograms.Build(rootHistogram, null, 0, n, pairs, _parallel);
        double g = 0, h = 0;
        for (var b = 0; b < NodeHistogram.BinsPerFeature; b++)
        {
            g += rootHistogram.Gradients[b];
            h += rootHistogram.Hessians[b];
        }

        var root = new GrowingNode(0, n, g, h, 0) { Histogram = rootHistogram };
        nodes.Add(root);
        var open = new PriorityQueue<GrowingNode, (double, int)>();
        Consider(root, 0, open);
        var leaves = 1;
        while (open.Count > 0 && (_options.MaxLeaves is null || leaves < _options.MaxLeaves))
        {
            var parent = open.Dequeue();
            var split = parent.Split!;
            var middle = _partition.Split(parent.Start, parent.End, _bins, _features, split, _parallel);
            var left = new GrowingNode(parent.Start, middle, split.LeftGradient, split.LeftHessian, parent.Depth + 1);
            var right = new GrowingNode(middle, parent.End, parent.Gradient - split.LeftGradient, parent.Hessian - split.LeftHessian, parent.Depth + 1);
            parent.Left = nodes.Count;
            nodes.Add(left);
            parent.Right = nodes.Count;
            nodes.Add(right);
            leaves++;
            var full = _options.MaxLeaves is { } max && leaves >= max;
            if (!full && (CanSplit(left) || CanSplit(right)))
            {
                var (small, large) = left.Count <= right.Count ? (left, right) : (right, left);
                small.Histogram = Rent();
                _histograms.Build(small.Histogram, _partition.Rows, small.Start, small.End, pairs, _parallel);
                large.Histogram = parent.Histogram;
                large.Histogram!.SubtractInPlace(small.Histogram);
                parent.Histogram = null;
                Consider(left, parent.Left, open);
                Consider(right, parent.Right, open);
            }
            else
            {
                Release(parent);
            }
        }

        while (open.Count > 0)
        {
            Release(open.Dequeue());
        }

        return Flatten(nodes);
    }

    private bool CanSplit(GrowingNode node) =>
        node.Count >= 2 * _options.MinSamplesLeaf && (_options.MaxDepth is null || node.Depth < _options.MaxDepth);

    private void Consider(GrowingNode node, int id, PriorityQueue<GrowingNode, (double, int)> open)
    {
        if (CanSplit(node))
        {
            node.Split = _finder.Find(node.Histogram!, node.Gradient, node.Hessian, node.Count, _parallel);
            if (node.Split is { Gain: > 0 })
            {
                open.Enqueue(node, (-node.Split.Gain, id));
                return;
            }
        }

        Release(node);
    }

    private NodeHistogram Rent() => _pool.Count > 0 ? _pool.Pop() : new NodeHistogram(_features);

    private void Release(GrowingNode node)
    {
        if (node.Histogram is { } histogram)
        {
            _pool.Push(histogram);
            node.Histogram = null;
        }
    }

    private RegressionTree Flatten(List<GrowingNode> nodes)
    {
        var flat = new TreeNode[nodes.Count];
        var sets = new List<ulong>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (node.Left < 0)
            {
                var value = -_options.LearningRate * node.Gradient / (node.Hessian + _options.L2);
                flat[i] = new TreeNode(-1, -1, -1, -1, false, -1, value, node.Count);
                Leaves.Add((node.Start, node.End, value));
                continue;
            }

            var split = node.Split!;
            var set = -1;
            if (split.LeftBins is { } bins)
            {
                set = sets.Count / 4;
                sets.AddRange(bins);
            }

            flat[i] = new TreeNode(node.Left, node.Right, split.Feature, split.Threshold, split.MissingLeft, set, 0, node.Count);
        }

        return new RegressionTree(flat, [.. sets]);
    }

    private sealed class GrowingNode(int start, int end, double gradient, double hessian, int depth)
    {
        public int Start { get; } = start;

        public int End { get; } = end;

        public int Count => End - Start;

        public double Gradient { get; } = gradient;

        public double Hessian { get; } = hessian;

        public int Depth { get; } = depth;

        public NodeHistogram? Histogram { get; set; }

        public SplitCandidate? Split { get; set; }

        public int Left { get; set; } = -1;

        public int Right { get; set; } = -1;
    }
}
