using ModelPipeline.Training.Format;

namespace ModelPipeline.Training.Trees;

/// <summary>A fitted tree on binned inputs (row-major bins): flat nodes (root first) plus the 256-bit category sets of categorical splits.</summary>
internal sealed class RegressionTree(TreeNode[] nodes, ulong[] categorySets)
{
    public TreeNode[] Nodes { get; } = nodes;

    /// <summary>Four 64-bit words per set; bit b set = bin b goes left.</summary>
    public ulong[] CategorySets { get; } = categorySets;

    /// <summary>Whether every node knows its cover (format 2 files and trees grown by this version).</summary>
    public bool HasCover => Array.TrueForAll(Nodes, n => !double.IsNaN(n.Cover));

    public double Predict(byte[] bins, int features, int row)
    {
        var nodes = Nodes;
        var index = 0;
        while (true)
        {
            ref readonly var node = ref nodes[index];
            if (node.Left < 0)
            {
                return node.Value;
            }

            index = GoesLeft(in node, bins[(row * features) + node.Feature]) ? node.Left : node.Right;
        }
    }

    /// <summary>Whether a row whose bin for the node's feature is <paramref name="bin"/> goes to the left child.</summary>
    public bool GoesLeft(in TreeNode node, byte bin) =>
        node.CategorySet >= 0
            ? (CategorySets[(node.CategorySet * 4) + (bin >> 6)] & (1UL << (bin & 63))) != 0
            : bin == FeatureBinner.MissingBin ? node.MissingLeft : bin <= node.Threshold;

    /// <summary>The node covers (format 2), written after the trees so that format 1 readers' layout is unchanged.</summary>
    public void WriteCovers(BinaryWriter writer)
    {
        foreach (var node in Nodes)
        {
            writer.Write(node.Cover);
        }
    }

    public void ReadCovers(BinaryReader reader)
    {
        for (var i = 0; i < Nodes.Length; i++)
        {
            var cover = reader.ReadDouble();
            if (!(cover > 0) && !double.IsNaN(cover))
            {
                throw new InvalidDataException($"tree node {i} has cover {cover}");
            }

            Nodes[i] = Nodes[i] with { Cover = cover };
        }
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Nodes.Length);
        foreach (var node in Nodes)
        {
            writer.Write(node.Left);
            writer.Write(node.Right);
            writer.Write(node.Feature);
            writer.Write(node.Threshold);
            writer.Write(node.MissingLeft);
            writer.Write(node.CategorySet);
            writer.Write(node.Value);
        }

        writer.Write(CategorySets.Length);
        foreach (var word in CategorySets)
        {
            writer.Write(word);
        }
    }

    public static RegressionTree Read(BinaryReader reader, int features)
    {
        var nodes = new TreeNode[ModelFile.ReadCount(reader)];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = new TreeNode(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadBoolean(), reader.ReadInt32(), reader.ReadDouble());
        }

        var sets = new ulong[ModelFile.ReadCount(reader)];
        for (var i = 0; i < sets.Length; i++)
        {
            sets[i] = reader.ReadUInt64();
        }

        for (var i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            var valid = node.IsLeaf
                || (node.Left > i && node.Left < nodes.Length && node.Right > i && node.Right < nodes.Length
                    && node.Feature >= 0 && node.Feature < features && (node.CategorySet < 0 || (node.CategorySet * 4) + 3 < sets.Length));
            if (!valid || nodes.Length == 0)
            {
                throw new InvalidDataException($"tree node {i} is malformed");
            }
        }

        return new RegressionTree(nodes, sets);
    }
}
