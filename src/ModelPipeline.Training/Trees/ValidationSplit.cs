namespace ModelPipeline.Training.Trees;

/// <summary>The seeded hold-back of rows that early stopping scores on (stratified by class for classification).</summary>
internal static class ValidationSplit
{
    public static (int[] Fit, int[] Validation) Of(double[] targets, double fraction, int seed, bool stratify)
    {
        var groups = stratify ? ByClass(targets) : [[.. Enumerable.Range(0, targets.Length)]];
        var random = new Random(seed);
        var isValidation = new bool[targets.Length];
        var validationCount = 0;
        foreach (var group in groups)
        {
            for (var i = group.Length - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (group[i], group[j]) = (group[j], group[i]);
            }

            var take = (int)Math.Round(group.Length * fraction, MidpointRounding.AwayFromZero);
            for (var i = 0; i < take; i++)
            {
                isValidation[group[i]] = true;
            }

            validationCount += take;
        }

        var fit = new int[targets.Length - validationCount];
        var validation = new int[validationCount];
        int f = 0, v = 0;
        for (var row = 0; row < targets.Length; row++)
        {
            if (isValidation[row])
            {
                validation[v++] = row;
            }
            else
            {
                fit[f++] = row;
            }
        }

        return (fit, validation);
    }

    private static List<int[]> ByClass(double[] targets)
    {
        var classes = 0;
        foreach (var t in targets)
        {
            classes = Math.Max(classes, (int)t + 1);
        }

        var counts = new int[classes];
        foreach (var t in targets)
        {
            counts[(int)t]++;
        }

        var groups = counts.Select(c => new int[c]).ToList();
        Array.Clear(counts);
        for (var row = 0; row < targets.Length; row++)
        {
            var c = (int)targets[row];
            groups[c][counts[c]++] = row;
        }

        return groups;
    }
}
