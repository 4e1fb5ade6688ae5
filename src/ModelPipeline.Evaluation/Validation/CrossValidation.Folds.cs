using ModelPipeline.Data;

namespace ModelPipeline.Evaluation;

/// <summary>Seeded, stratified k-fold cross-validation.</summary>
public static partial class CrossValidation
{
    /// <summary>
    /// Splits <paramref name="rowCount"/> rows into <paramref name="folds"/> folds. With <paramref name="strata"/>
    /// (e.g. class indices) each stratum is spread evenly over the folds. Same seed, same folds.
    /// </summary>
    public static IReadOnlyList<Fold> Folds(int rowCount, int folds, int seed, ReadOnlySpan<int> strata = default)
    {
        if (folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, "Cross-validation needs at least 2 folds.");
        }

        if (folds > rowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, $"Cannot make {folds} folds of {rowCount} rows.");
        }

        if (!strata.IsEmpty && strata.Length != rowCount)
        {
            throw new ArgumentException($"{strata.Length} strata for {rowCount} rows.");
        }

        var groups = new SortedDictionary<int, List<int>>();
        for (var row = 0; row < rowCount; row++)
        {
            var key = strata.IsEmpty ? 0 : strata[row];
            if (!groups.TryGetValue(key, out var rows))
            {
                groups[key] = rows = [];
            }

            rows.Add(row);
        }

        var random = new Random(seed);
        var assignment = new int[rowCount];
        var next = 0;
        foreach (var rows in groups.Values)
        {
            var shuffled = rows.ToArray();
            FrameSplit.Shuffle(shuffled, random);
            foreach (var row in shuffled)
            {
                // Dealing round-robin, continuing across strata, keeps both class shares and fold sizes even.
                assignment[row] = next;
                next = (next + 1) % folds;
            }
        }

        var result = new Fold[folds];
        for (var f = 0; f < folds; f++)
        {
            var test = new List<int>();
            var train = new List<int>();
            for (var row = 0; row < rowCount; row++)
            {
                (assignment[row] == f ? test : train).Add(row);
            }

            result[f] = new Fold(f, [.. train], [.. test]);
        }

        return result;
    }

    /// <summary>Folds over a frame's rows, stratified by the levels of <paramref name="stratifyBy"/> when given.</summary>
    public static IReadOnlyList<Fold> Folds(Frame frame, int folds, int seed, string? stratifyBy = null)
    {
        if (stratifyBy is null)
        {
            return Folds(frame.RowCount, folds, seed);
        }

        var column = frame[stratifyBy];
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        var strata = new int[frame.RowCount];
        for (var row = 0; row < strata.Length; row++)
        {
            var key = column.GetText(row) ?? "\0missing";
            if (!levels.TryGetValue(key, out var code))
            {
                levels[key] = code = levels.Count;
            }

            strata[row] = code;
        }

        return Folds(frame.RowCount, folds, seed, strata);
    }
}
