using System.Runtime.ExceptionServices;

namespace ModelPipeline.Evaluation;

/// <summary>Parallel.For that rethrows the first failure itself (a clear user error), not an AggregateException.</summary>
internal static class Concurrently
{
    public static void For(int count, int parallelism, Action<int> body)
    {
        if (parallelism <= 1)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, body);
        }
        catch (AggregateException error) when (error.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(error.InnerExceptions[0]).Throw();
        }
    }
}
