namespace ModelPipeline.Training.Trees;

/// <summary>The seeded hold-back of rows that early stopping scores on (stratified by class for classification).</summary>
internal static class ValidationSplit
{
    public static (int[] Fit, int[] Validation) Of(double[] targets, double fraction, int seed, bool stratify)
    {
        var groups = stratify
            ? targets.Select((t, row) => (t, row)).GroupBy(p => p.t).OrderBy(g => g.Key).Select(g => g.Select(p => p.row).ToArray()).ToList()
            : [Enumerable.Range(0, targets.Length).ToArray()];
        var random = new Random(seed);
        var fit = new List<int>(targets.Length);
        var validation = new List<int>((int)(targets.Length * fraction) + groups.Count);
        foreach (var group in groups)
        {
            for (var i = group.Length - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (group[i], group[j]) = (group[j], group[i]);
            }

            var take = (int)Math.Round(group.Length * fraction, MidpointRounding.AwayFromZero);
            validation.AddRange(group.AsSpan(0, take));
            fit.AddRange(group.AsSpan(take));
        }

        var fitRows = fit.ToArray();
        var validationRows = validation.ToArray();
        Array.Sort(fitRows);
        Array.Sort(validationRows);
        return (fitRows, validationRows);
    }
}
