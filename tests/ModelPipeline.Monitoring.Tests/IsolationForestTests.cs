namespace ModelPipeline.Monitoring.Tests;

public sealed class IsolationForestTests
{
    private static double[][] Cloud(int rows, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, rows).Select(_ => random.NextDouble()).ToArray())];
    }

    [Fact]
    public void Score_PointFarFromTheCloud_ScoresAboveEveryCloudPoint()
    {
        var forest = IsolationForest.Fit(Cloud(2000, 1), seed: 42);
        var probe = Cloud(200, 2);
        foreach (var column in probe)
        {
            column[0] = 5.0;
        }

        var scores = forest.Score(probe);

        Assert.True(scores[0] > 0.6, $"outlier {scores[0]}");
        Assert.True(scores[1..].Max() < scores[0]);
        // scikit-learn 1.2.1 on the same kind of data (uniform 2000 x 3, probe point at 5,5,5; -score_samples):
        // outlier 0.652, cloud mean 0.516 (/usr/bin/python3, IsolationForest(random_state=42)).
        Assert.InRange(scores[1..].Average(), 0.48, 0.56);
    }

    [Fact]
    public void Fit_SameSeed_SameBytesAndSavedForestScoresTheSame()
    {
        var rows = Cloud(1000, 3);
        var forest = IsolationForest.Fit(rows, seed: 7);

        var again = IsolationForest.Fit(rows, seed: 7);
        var loaded = IsolationForest.FromBytes(forest.ToBytes());

        Assert.Equal(forest.ToBytes(), again.ToBytes());
        Assert.Equal(forest.Score(rows), loaded.Score(rows));
        Assert.Equal(100, loaded.TreeCount);
        Assert.NotEqual(forest.ToBytes(), IsolationForest.Fit(rows, seed: 8).ToBytes());
    }

    [Fact]
    public void FromBytes_Format1OfOlderProfiles_ScoresAsWrittenAndSavesCompact()
    {
        // Format 1 (6 bytes a node): one tree of sample size 256 splitting feature 1 at 0.5 into leaves of 1 and 3 rows.
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            foreach (var header in new[] { 1, 256, 2, 1, 3 })
            {
                writer.Write(header);
            }

            foreach (var (feature, value) in new (short, float)[] { (1, 0.5f), (-1, 1), (-1, 3) })
            {
                writer.Write(feature);
                writer.Write(value);
            }
        }

        var forest = IsolationForest.FromBytes(stream.ToArray());
        double[][] rows = [[9, 9], [0.2, 0.8]];
        var scores = forest.Score(rows);
        var compact = IsolationForest.FromBytes(forest.ToBytes());

        var c256 = IsolationForest.AveragePathLength(256);
        Assert.Equal(Math.Pow(2, -1 / c256), scores[0], 12); // left leaf: depth 1 + c(1) = 1
        Assert.Equal(Math.Pow(2, -(1 + IsolationForest.AveragePathLength(3)) / c256), scores[1], 12);
        Assert.Equal(scores, compact.Score(rows));
        Assert.Equal(16 + 4 + 5 + 3 + 3, forest.ToBytes().Length); // header, node count, split node, two leaves (format 1: 38)
    }

    [Fact]
    public void Score_UnevenTreesNaNAndOddRowCounts_EqualsWalkingTheSavedNodes()
    {
        // Clusters of very different density give leaves at every depth; NaN values go right (not below the split).
        var random = new Random(5);
        var fit = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 3000).Select(i => i % 7 == 0 ? 100 + random.NextDouble() : Math.Round(random.NextDouble(), 2)).ToArray()).ToArray();
        var forest = IsolationForest.Fit(fit, seed: 3);
        var rows = Enumerable.Range(0, 4).Select(f => Enumerable.Range(0, 1027).Select(i => i % 13 == f ? double.NaN : fit[f][i] + (i % 5 == 0 ? 0.005 : 0)).ToArray()).ToArray();

        var scores = forest.Score(rows);

        Assert.Equal(WalkSavedNodes(forest.ToBytes(), rows), scores);
        Assert.Equal(scores[..1025], forest.Score([.. rows.Select(c => c[..1025])]));
    }

    /// <summary>The scores as the saved format describes them: each row walks each tree's pre-order nodes from the root.</summary>
    private static double[] WalkSavedNodes(byte[] forest, double[][] columns)
    {
        using var reader = new BinaryReader(new MemoryStream(forest));
        Assert.Equal(2, reader.ReadInt32());
        var sampleSize = reader.ReadInt32();
        reader.ReadInt32();
        var trees = new List<(byte Feature, float Value)[]>();
        for (var t = reader.ReadInt32(); t > 0; t--)
        {
            var nodes = new (byte, float)[reader.ReadInt32()];
            for (var n = 0; n < nodes.Length; n++)
            {
                var feature = reader.ReadByte();
                nodes[n] = (feature, feature == byte.MaxValue ? reader.ReadUInt16() : reader.ReadSingle());
            }

            trees.Add(nodes);
        }

        var scores = new double[columns[0].Length];
        for (var row = 0; row < scores.Length; row++)
        {
            var total = 0.0;
            foreach (var nodes in trees)
            {
                var (node, depth) = (0, 0);
                while (nodes[node].Feature != byte.MaxValue)
                {
                    node = columns[nodes[node].Feature][row] < nodes[node].Value ? node + 1 : Skip(nodes, node + 1);
                    depth++;
                }

                total += depth + IsolationForest.AveragePathLength(nodes[node].Value);
            }

            scores[row] = Math.Pow(2, -(total / trees.Count) / IsolationForest.AveragePathLength(sampleSize));
        }

        return scores;
    }

    /// <summary>The pre-order index just after the subtree that starts at <paramref name="node"/>.</summary>
    private static int Skip((byte Feature, float Value)[] nodes, int node) =>
        nodes[node].Feature == byte.MaxValue ? node + 1 : Skip(nodes, Skip(nodes, node + 1));
}
