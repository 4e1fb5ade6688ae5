namespace ModelPipeline.Data;

/// <summary>How the values of a column are understood.</summary>
public enum ColumnKind
{
    /// <summary>Real numbers; missing values are <see cref="double.NaN"/>.</summary>
    Numeric,

    /// <summary>Text levels stored as integer codes; missing values are -1.</summary>
    Categorical,

    /// <summary>true/false (or yes/no) stored as 1/0 numbers; missing values are NaN.</summary>
    Boolean,
}
