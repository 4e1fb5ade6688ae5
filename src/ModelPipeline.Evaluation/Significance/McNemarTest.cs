namespace ModelPipeline.Evaluation;

/// <summary>McNemar's test (with Edwards' continuity correction) for two classifiers' accuracies on the same rows.</summary>
public static class McNemarTest
{
    /// <summary>Compares the predicted classes of A and B against the actual classes.</summary>
    public static McNemarResult Compare(ReadOnlySpan<int> actual, ReadOnlySpan<int> predictedA, ReadOnlySpan<int> predictedB)
    {
        if (actual.Length != predictedA.Length || actual.Length != predictedB.Length)
        {
            throw new ArgumentException($"{actual.Length} labels but {predictedA.Length} and {predictedB.Length} predictions.");
        }

        int onlyA = 0, onlyB = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var a = predictedA[i] == actual[i];
            var b = predictedB[i] == actual[i];
            if (a && !b)
            {
                onlyA++;
            }
            else if (b && !a)
            {
                onlyB++;
            }
        }

        if (onlyA + onlyB == 0)
        {
            return new McNemarResult(0, 0, 0, 1);
        }

        var gap = Math.Max(Math.Abs(onlyA - onlyB) - 1.0, 0);
        var chiSquare = gap * gap / (onlyA + onlyB);
        return new McNemarResult(onlyA, onlyB, chiSquare, StandardNormal.ChiSquareOneTail(chiSquare));
    }
}
