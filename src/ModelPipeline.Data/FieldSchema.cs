namespace ModelPipeline.Data;

/// <summary>
/// One input column a model expects: its name, kind and (for categorical columns) the levels seen in
/// training, in code order. <see cref="FrameBuilder"/> builds frames to this shape.
/// </summary>
public sealed record FieldSchema(string Name, ColumnKind Kind, IReadOnlyList<string>? Categories = null)
{
    /// <summary>The schema of every column of a frame (e.g. the training frame), in order.</summary>
    public static IReadOnlyList<FieldSchema> Of(Frame frame) =>
        frame.Columns
            .Select(c => new FieldSchema(c.Name, c.Kind, c.Kind == ColumnKind.Categorical ? c.Categories : null))
            .ToArray();
}
