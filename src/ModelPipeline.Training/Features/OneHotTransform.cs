namespace ModelPipeline.Training.Features;

/// <summary>
/// How one categorical input becomes one-hot features: each known category index maps to a feature index
/// (<see cref="SlotOf"/>); rare levels and levels unseen in training share <see cref="UnknownSlot"/>.
/// </summary>
internal sealed record OneHotTransform(int[] SlotOf, int MissingSlot, int UnknownSlot)
{
    public int SlotFor(int code) => code >= 0 ? SlotOf[code] : code == BoundInputs.Missing ? MissingSlot : UnknownSlot;

    /// <summary>Keeps the <paramref name="maxCategories"/> most frequent levels (ties: lower index) from <paramref name="firstSlot"/> on.</summary>
    public static OneHotTransform Fit(int firstSlot, int[] codes, int categoryCount, FeatureOptions options)
    {
        var counts = new long[categoryCount];
        foreach (var code in codes)
        {
            if (code >= 0)
            {
                counts[code]++;
            }
        }

        var kept = Enumerable.Range(0, categoryCount)
            .Where(c => counts[c] > 0)
            .OrderByDescending(c => counts[c]).ThenBy(c => c)
            .Take(options.MaxCategories)
            .Order()
            .ToArray();
        var unknownSlot = firstSlot + kept.Length;
        var slotOf = Enumerable.Repeat(unknownSlot, categoryCount).ToArray();
        for (var k = 0; k < kept.Length; k++)
        {
            slotOf[kept[k]] = firstSlot + k;
        }

        var mostFrequent = kept.Length == 0 ? -1 : kept.OrderByDescending(c => counts[c]).ThenBy(c => c).First();
        var missingSlot = options.CategoricalImpute == "most_frequent" && mostFrequent >= 0 ? slotOf[mostFrequent] : unknownSlot;
        return new OneHotTransform(slotOf, missingSlot, unknownSlot);
    }

    public int Width(int firstSlot) => UnknownSlot - firstSlot + 1;

    /// <summary>The feature indices this input takes: its kept levels' slots, then the unknown slot.</summary>
    public IEnumerable<int> Slots()
    {
        var first = SlotOf.Where(s => s != UnknownSlot).DefaultIfEmpty(UnknownSlot).Min();
        return Enumerable.Range(first, UnknownSlot - first + 1);
    }
}
