namespace ModelPipeline.Registry.Tests;

/// <summary>Builders for test drafts and lineages.</summary>
internal static class Some
{
    public static Lineage Lineage(string data = "data-1", string config = "config-1", string schema = "schema-1", string task = "binary") =>
        new([new DataFileRecord("churn.csv", data, 1234)], data, config, schema, task, "abc123");

    public static NewVersion Draft(
        string data = "data-1",
        string config = "config-1",
        string schema = "schema-1",
        string task = "binary",
        double auc = 0.8,
        int modelBytes = 64,
        int seed = 1) =>
        new(ModelBytes(modelBytes, seed), Lineage(data, config, schema, task))
        {
            RunId = $"run-{seed}",
            Trigger = VersionTrigger.Ci,
            Metrics = new Dictionary<string, double> { ["auc"] = auc, ["accuracy"] = 0.75 },
            Parameters = new Dictionary<string, string> { ["l2"] = "1.0", ["max_iter"] = "100" },
            Trainer = "logistic_regression",
        };

    public static byte[] ModelBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
