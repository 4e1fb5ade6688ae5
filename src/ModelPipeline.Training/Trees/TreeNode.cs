namespace ModelPipeline.Training.Trees;

/// <summary>
/// One node of a fitted tree. A leaf has <see cref="Left"/> = -1 and a <see cref="Value"/>. A split sends a row
/// left when its bin is &lt;= <see cref="Threshold"/> (numeric; the missing bin goes by <see cref="MissingLeft"/>) or
/// when its bin is in category set <see cref="CategorySet"/> (categorical; -1 for numeric splits).
/// <see cref="Cover"/> is the number of training rows that reached the node (NaN in files from before format 2),
/// which TreeSHAP weighs the branches a row does not take by.
/// </summary>
internal record struct TreeNode(int Left, int Right, int Feature, int Threshold, bool MissingLeft, int CategorySet, double Value, double Cover = double.NaN)
{
    public readonly bool IsLeaf => Left < 0;
}
