namespace ModelPipeline.Data;

/// <summary>Seeded train/holdout splits of a frame's rows; the same seed gives the same rows everywhere.</summary>
public static class FrameSplit
{
    /// <summary>
    /// Splits row indices into train and holdout. With <paramref name="stratifyBy"/> each level
    /// (or value) of that column keeps its share in both parts. Both index arrays are sorted.
    /// </summary>
    public static (int[] Train, int[] Holdout) TrainHoldout(Frame frame, double holdoutFraction, int seed, string? stratifyBy = null)
    {
        if (holdoutFraction is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(holdoutFraction), holdoutFraction, "The holdout fraction must be between 0 and 1.");
        }

        var groups = stratifyBy is null
            ? [Enumerable.Range(0, frame.RowCount).ToArray()]
            : GroupRows(frame[stratifyBy]);
        var random = new Random(seed);
        var train = new List<int>(frame.RowCount);
        var holdout = new List<int>((int)(frame.RowCount * holdoutFraction) + groups.Count);
        foreach (var group in groups)
        {
            Shuffle(group, random);
            var take = (int)Math.Round(group.Length * holdoutFraction, MidpointRounding.AwayFromZero);
            holdout.AddRange(group.AsSpan(0, take));
            train.AddRange(group.AsSpan(take));
        }

        var trainRows = train.ToArray();
        var holdoutRows = holdout.ToArray();
        Array.Sort(trainRows);
        Array.Sort(holdoutRows);
        return (trainRows, holdoutRows);
    }

    /// <summary>Fisher–Yates with the given generator.</summary>
    public static void Shuffle(int[] items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static List<int[]> GroupRows(Column column)
    {
        var groups = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var row = 0; row < column.Length; row++)
        {
            var key = column.GetText(row) ?? "\0missing";
            if (!groups.TryGetValue(key, out var rows))
            {
                groups[key] = rows = [];
            }

            rows.Add(row);
        }

        return groups.Values.Select(g => g.ToArray()).ToList();
    }
}
