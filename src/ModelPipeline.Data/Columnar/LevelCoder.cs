namespace ModelPipeline.Data.Columnar;

/// <summary>Codes for the distinct values of one chunk, in first-seen order, each level's text made once.</summary>
internal sealed class LevelCoder<TKey>(Func<TKey, string> format)
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _codes = [];

    public List<string> Levels { get; } = [];

    public int CodeOf(TKey key)
    {
        if (!_codes.TryGetValue(key, out var code))
        {
            code = Levels.Count;
            _codes.Add(key, code);
            Levels.Add(format(key));
        }

        return code;
    }
}
