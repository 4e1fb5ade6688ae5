using System.Text;

namespace ModelPipeline.Data.Csv;

/// <summary>What every chunk parser shares: the header, which fields become which columns, declared kinds and missing tokens.</summary>
internal sealed class CsvLayout
{
    private readonly bool[] _tokenStarts = new bool[256];
    private readonly int[] _discoveredText;

    public CsvLayout(string displayName, string[] names, CsvReadOptions options, IReadOnlySet<string> forcedText)
    {
        DisplayName = displayName;
        Names = names;
        Delimiter = checked((byte)options.Delimiter);
        FieldSlots = new int[names.Length];
        var slots = new List<int>();
        for (var i = 0; i < names.Length; i++)
        {
            FieldSlots[i] = options.Ignore.Contains(names[i]) ? -1 : slots.Count;
            if (FieldSlots[i] >= 0)
            {
                slots.Add(i);
            }
        }

        SlotFields = [.. slots];
        Declared = SlotFields.Select(f => options.Kinds.TryGetValue(names[f], out var kind) ? kind : (ColumnKind?)null).ToArray();
        TextFromStart = SlotFields.Select((f, s) => Declared[s] == ColumnKind.Categorical || forcedText.Contains(names[f])).ToArray();
        _discoveredText = new int[SlotFields.Length];
        LabelSlot = options.Label is { } label && Array.IndexOf(names, label) is var field and >= 0 ? FieldSlots[field] : -1;
        LabelClasses = options.LabelClasses?.ToArray();
        MissingTokens = options.MissingTokens.Where(t => t.Length > 0).Select(Encoding.UTF8.GetBytes).ToArray();
        foreach (var token in MissingTokens)
        {
            _tokenStarts[token[0]] = true;
        }
    }

    public string DisplayName { get; }

    public string[] Names { get; }

    public int FieldCount => Names.Length;

    public byte Delimiter { get; }

    /// <summary>Header field index -> output column slot, or -1 when ignored.</summary>
    public int[] FieldSlots { get; }

    /// <summary>Output column slot -> header field index.</summary>
    public int[] SlotFields { get; }

    public ColumnKind?[] Declared { get; }

    public bool[] TextFromStart { get; }

    public byte[][] MissingTokens { get; }

    /// <summary>The label's slot, or -1: a missing value there is an error.</summary>
    public int LabelSlot { get; }

    /// <summary>The label's allowed classes, or null for any.</summary>
    public string[]? LabelClasses { get; }

    public string SlotName(int slot) => Names[SlotFields[slot]];

    /// <summary>True once any chunk found text in this undeclared column: later chunks start it as text.</summary>
    public bool IsKnownText(int slot) => TextFromStart[slot] || Volatile.Read(ref _discoveredText[slot]) != 0;

    public void MarkText(int slot) => Volatile.Write(ref _discoveredText[slot], 1);

    public bool IsMissingToken(ReadOnlySpan<byte> cell)
    {
        if (!_tokenStarts[cell[0]])
        {
            return false;
        }

        foreach (var token in MissingTokens)
        {
            if (cell.SequenceEqual(token))
            {
                return true;
            }
        }

        return false;
    }
}
