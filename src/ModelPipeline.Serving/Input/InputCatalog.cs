using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.Serving.Input;

/// <summary>A model's input columns indexed for request parsing: by name, and each categorical column's known levels.</summary>
internal sealed class InputCatalog
{
    private readonly Dictionary<string, int> _byName;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _byNameSpan;

    public InputCatalog(ModelSchema schema)
    {
        Schema = schema;
        Inputs = schema.Inputs;
        _byName = new Dictionary<string, int>(StringComparer.Ordinal);
        Levels = new string[Inputs.Count][];
        Utf8Levels = new byte[Inputs.Count][][];
        LevelIndex = new Dictionary<string, int>?[Inputs.Count];
        for (var i = 0; i < Inputs.Count; i++)
        {
            var input = Inputs[i];
            _byName[input.Name] = i;
            if (input.Kind == ColumnKind.Categorical)
            {
                Levels[i] = [.. input.Categories];
                Utf8Levels[i] = [.. Levels[i].Select(System.Text.Encoding.UTF8.GetBytes)];
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var c = 0; c < Levels[i].Length; c++)
                {
                    index.TryAdd(Levels[i][c], c);
                }

                LevelIndex[i] = index;
            }
            else
            {
                Levels[i] = [];
                Utf8Levels[i] = [];
            }
        }

        _byNameSpan = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
        Names = [.. Inputs.Select(input => input.Name)];
    }

    public ModelSchema Schema { get; }

    public IReadOnlyList<InputColumn> Inputs { get; }

    public int Count => Inputs.Count;

    public string[] Names { get; }

    /// <summary>The training levels of each categorical input (empty for other kinds).</summary>
    public string[][] Levels { get; }

    /// <summary><see cref="Levels"/> in UTF-8, to match JSON strings without making a string of each.</summary>
    public byte[][][] Utf8Levels { get; }

    public Dictionary<string, int>?[] LevelIndex { get; }

    /// <summary>The input index of a request column, or -1 when the model does not use it (extra columns are ignored).</summary>
    public int IndexOf(string name) => _byName.TryGetValue(name, out var i) ? i : -1;

    public int IndexOf(ReadOnlySpan<char> name) => _byNameSpan.TryGetValue(name, out var i) ? i : -1;
}
