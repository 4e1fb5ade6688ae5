namespace ModelPipeline.Definitions;

/// <summary>A column kind declared in <c>data.columns</c> (maps 1:1 onto the Data library's ColumnKind).</summary>
public enum DeclaredKind
{
    Numeric,
    Categorical,
    Boolean,
}
