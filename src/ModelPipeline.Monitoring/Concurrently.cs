using System.Runtime.ExceptionServices;

namespace ModelPipeline.Monitoring;

/// <summary>Runs independent parts of a computation at the same time; a failure surfaces as itself, not wrapped.</summary>
internal static class Concurrently
{
    /// <summary>Runs every part (in parallel where cores allow) and returns when all are done.</summary>
    /// <remarks>When parts fail, the failure of the first failing part in argument order is rethrown.</remarks>
    public static void Run(params Action[] parts)
    {
        var failures = new Exception?[parts.Length];
        Parallel.For(0, parts.Length, new ParallelOptions { MaxDegreeOfParallelism = parts.Length }, p =>
        {
            try
            {
                parts[p]();
            }
            catch (Exception error)
            {
                failures[p] = error is AggregateException { InnerExceptions.Count: > 0 } wrapped ? wrapped.InnerExceptions[0] : error;
            }
        });

        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }
}
