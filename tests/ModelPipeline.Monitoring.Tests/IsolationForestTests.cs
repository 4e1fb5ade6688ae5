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
}
