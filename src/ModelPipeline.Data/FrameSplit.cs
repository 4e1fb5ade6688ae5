namespace ModelPipeline.Data;

/// <summary>
/// Seeded train/holdout splits of a frame's rows, identical to scikit-learn's
/// <c>train_test_split(X, y, test_size=f, random_state=seed, stratify=y)</c> (or without <c>stratify</c>):
/// the same rows land in the holdout as there, so figures can be compared with scikit-learn's on the same rows.
/// </summary>
/// <remarks>
/// As in scikit-learn 1.2: the holdout has <c>ceil(f·n)</c> rows, the train part the rest. Unstratified is
/// <c>ShuffleSplit</c>: the first holdout rows of <c>RandomState(seed).permutation(n)</c>. Stratified is
/// <c>StratifiedShuffleSplit</c>: classes in sorted order (numbers by value, text by ordinal, missing last),
/// per-class train and holdout counts from <c>_approximate_mode</c> (ties broken with the generator), then
/// each class's rows permuted and cut, and finally both parts permuted. See <see cref="NumpyRandomState"/>.
/// </remarks>
public static class FrameSplit
{
    /// <summary>
    /// Splits row indices into train and holdout. With <paramref name="stratifyBy"/> each level
    /// (or value) of that column keeps its share in both parts. Both index arrays are sorted.
    /// </summary>
    public static (int[] Train, int[] Holdout) TrainHoldout(Frame frame, double holdoutFraction, int seed, string? stratifyBy = null)
    {
        var (train, holdout) = ShuffledTrainHoldout(frame, holdoutFraction, seed, stratifyBy);
        Array.Sort(train);
        Array.Sort(holdout);
        return (train, holdout);
    }

    /// <summary>The rows of <see cref="TrainHoldout"/> in the order scikit-learn returns them (not sorted).</summary>
    public static (int[] Train, int[] Holdout) ShuffledTrainHoldout(Frame frame, double holdoutFraction, int seed, string? stratifyBy = null)
    {
        if (holdoutFraction is <= 0 or >= 1 || double.IsNaN(holdoutFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(holdoutFraction), holdoutFraction, "The holdout fraction must be between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        var rows = frame.RowCount;
        var holdoutCount = (int)Math.Ceiling(holdoutFraction * rows);
        var trainCount = rows - holdoutCount;
        if (trainCount <= 0)
        {
            throw new SplitImpossibleException(rows == 0
                ? "there are no data rows to train on"
                : $"{rows} data row(s) are too few: a holdout of {holdoutFraction} of them leaves no rows to train on");
        }

        var random = new NumpyRandomState((uint)seed);
        if (stratifyBy is null)
        {
            var permutation = random.Permutation(rows);
            return (permutation[holdoutCount..], permutation[..holdoutCount]);
        }

        return Stratified(frame[stratifyBy], trainCount, holdoutCount, random);
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

    private static (int[] Train, int[] Holdout) Stratified(Column column, int trainCount, int holdoutCount, NumpyRandomState random)
    {
        var (classOfRow, classCounts) = SortedClasses(column);
        var classes = classCounts.Length;
        if (classCounts.Min() < 2)
        {
            var row = Array.FindIndex(classOfRow, c => classCounts[c] < 2);
            var value = column.GetText(row) is { } text ? $"'{text}'" : "missing";
            throw new SplitImpossibleException(
                $"cannot stratify by '{column.Name}': its class {value} has only 1 row (row {row + 1}); each class needs at least 2");
        }

        if (trainCount < classes || holdoutCount < classes)
        {
            throw new SplitImpossibleException(
                $"cannot stratify by '{column.Name}': {classes} classes need at least {classes} train and {classes} holdout rows; " +
                $"the split gives {trainCount} and {holdoutCount}");
        }

        // Rows of each class in ascending order (a stable sort by class, as scikit-learn's mergesort argsort).
        var classStart = new int[classes + 1];
        for (var c = 0; c < classes; c++)
        {
            classStart[c + 1] = classStart[c] + classCounts[c];
        }

        var byClass = new int[classOfRow.Length];
        var next = classStart[..classes];
        for (var row = 0; row < classOfRow.Length; row++)
        {
            byClass[next[classOfRow[row]]++] = row;
        }

        var trainPerClass = ApproximateMode(classCounts, trainCount, random);
        var remaining = classCounts.Select((count, c) => count - trainPerClass[c]).ToArray();
        var holdoutPerClass = ApproximateMode(remaining, holdoutCount, random);

        var train = new int[trainCount];
        var holdout = new int[holdoutCount];
        int trainAt = 0, holdoutAt = 0;
        for (var c = 0; c < classes; c++)
        {
            var members = byClass.AsSpan(classStart[c], classCounts[c]);
            var permutation = random.Permutation(classCounts[c]);
            for (var i = 0; i < trainPerClass[c]; i++)
            {
                train[trainAt++] = members[permutation[i]];
            }

            for (var i = trainPerClass[c]; i < trainPerClass[c] + holdoutPerClass[c]; i++)
            {
                holdout[holdoutAt++] = members[permutation[i]];
            }
        }

        random.Shuffle(train);
        random.Shuffle(holdout);
        return (train, holdout);
    }

    /// <summary>
    /// scikit-learn's <c>_approximate_mode</c>: each class's share of <paramref name="draws"/>, floored, then the
    /// rows still missing go to the classes with the largest remainders; equal remainders are chosen with
    /// <c>rng.choice(replace=False)</c>, i.e. the first ones of a permutation.
    /// </summary>
    private static int[] ApproximateMode(int[] classCounts, int draws, NumpyRandomState random)
    {
        double total = classCounts.Sum(c => (long)c);
        var continuous = classCounts.Select(c => c / total * draws).ToArray();
        var floored = continuous.Select(Math.Floor).ToArray();
        var needToAdd = (int)(draws - floored.Sum());
        if (needToAdd > 0)
        {
            var remainder = continuous.Select((value, c) => value - floored[c]).ToArray();
            foreach (var value in remainder.Distinct().OrderDescending())
            {
                var tied = Enumerable.Range(0, remainder.Length).Where(c => remainder[c] == value).ToArray();
                var addNow = Math.Min(tied.Length, needToAdd);
                var permutation = random.Permutation(tied.Length);
                for (var i = 0; i < addNow; i++)
                {
                    floored[tied[permutation[i]]] += 1;
                }

                needToAdd -= addNow;
                if (needToAdd == 0)
                {
                    break;
                }
            }
        }

        return floored.Select(f => (int)f).ToArray();
    }

    /// <summary>Each row's class index, classes sorted as <c>numpy.unique</c> sorts them (missing last), and each class's row count.</summary>
    private static (int[] ClassOfRow, int[] Counts) SortedClasses(Column column)
    {
        var classOfRow = new int[column.Length];
        int[] counts;
        if (column.Numbers is { } numbers)
        {
            var values = new SortedSet<double>();
            foreach (var value in numbers)
            {
                values.Add(value);
            }

            // SortedSet orders NaN first; numpy puts it last.
            var ordered = values.Where(v => !double.IsNaN(v)).Concat(values.Where(double.IsNaN)).ToArray();
            var index = new Dictionary<double, int>(ordered.Length);
            for (var i = 0; i < ordered.Length; i++)
            {
                index[ordered[i]] = i;
            }

            for (var row = 0; row < numbers.Length; row++)
            {
                classOfRow[row] = index[numbers[row]];
            }

            counts = new int[ordered.Length];
        }
        else
        {
            var codes = column.Codes!;
            var levels = column.Categories;
            var used = new bool[levels.Count + 1];
            foreach (var code in codes)
            {
                used[code < 0 ? levels.Count : code] = true;
            }

            var order = Enumerable.Range(0, levels.Count).Where(c => used[c]).OrderBy(c => levels[c], StringComparer.Ordinal).ToList();
            if (used[levels.Count])
            {
                order.Add(levels.Count);
            }

            var classOfCode = new int[levels.Count + 1];
            for (var i = 0; i < order.Count; i++)
            {
                classOfCode[order[i]] = i;
            }

            for (var row = 0; row < codes.Length; row++)
            {
                classOfRow[row] = classOfCode[codes[row] < 0 ? levels.Count : codes[row]];
            }

            counts = new int[order.Count];
        }

        foreach (var c in classOfRow)
        {
            counts[c]++;
        }

        return (classOfRow, counts);
    }
}
