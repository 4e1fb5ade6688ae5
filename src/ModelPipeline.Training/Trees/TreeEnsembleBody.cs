namespace ModelPipeline.Training.Trees;

/// <summary>A boosted tree ensemble.</summary>
internal static class TreeEnsembleBody
{
    public static ModelBody Read(BinaryReader reader, ModelSchema schema) => throw new NotImplementedException();
}
