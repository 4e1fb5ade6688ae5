using ModelPipeline.Data;

namespace ModelPipeline.Training.Features;

/// <summary>
/// Per categorical input of a schema, its categories' indices by text; built once per model and shared by every
/// prediction call (binding a frame then only maps the frame's own levels through it).
/// </summary>
internal sealed class CategoryLookup
{
    private readonly Dictionary<string, int>?[] _indices;

    public CategoryLookup(ModelSchema schema)
    {
        _indices = new Dictionary<string, int>?[schema.Inputs.Count];
        for (var i = 0; i < _indices.Length; i++)
        {
            if (schema.Inputs[i].Kind != ColumnKind.Categorical)
            {
                continue;
            }

            var categories = schema.Inputs[i].Categories;
            var index = _indices[i] = new Dictionary<string, int>(categories.Count, StringComparer.Ordinal);
            for (var c = 0; c < categories.Count; c++)
            {
                index[categories[c]] = c;
            }
        }
    }

    /// <summary>The category index of <paramref name="text"/> in input <paramref name="input"/>, or <see cref="BoundInputs.Unknown"/>.</summary>
    public int IndexOf(int input, string text) =>
        _indices[input]!.TryGetValue(text, out var c) ? c : BoundInputs.Unknown;
}
