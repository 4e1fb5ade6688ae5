using System.Reflection;

namespace ModelPipeline.Targets;

/// <summary>
/// Runs planned targets in order. A failed target makes the targets that need it NotRun; unless it
/// <c>ProceedAfterFailure</c>, every later target is NotRun too, except <c>AssuredAfterFailure</c> ones, which always run.
/// After cancellation, targets not yet started are NotRun (cancelled), again except <c>AssuredAfterFailure</c> ones.
/// </summary>
internal sealed class TargetExecutor(
    BuildLog log,
    TextWriter output,
    TimeProvider time,
    bool gitHubActions,
    string rootDirectory,
    Func<Exception, bool> isInputMistake,
    CancellationToken cancellation)
{
    public async Task<List<TargetResult>> RunAsync(IReadOnlyList<TargetNode> plan, IReadOnlyDictionary<TargetNode, string> skipped)
    {
        var results = new Dictionary<TargetNode, TargetResult>();
        var stopped = false;
        foreach (var node in plan)
        {
            var definition = node.Definition;
            if (skipped.TryGetValue(node, out var reason))
            {
                results[node] = new TargetResult(node.Name, TargetOutcome.Skipped, reason, TimeSpan.Zero);
                continue;
            }

            var blocked = node.Prerequisites.Any(p => results.TryGetValue(p, out var r) && r.Outcome is TargetOutcome.Failed or TargetOutcome.NotRun);
            if (!definition.Assured && (stopped || blocked || cancellation.IsCancellationRequested))
            {
                var why = cancellation.IsCancellationRequested ? "cancelled" : null;
                results[node] = new TargetResult(node.Name, TargetOutcome.NotRun, why, TimeSpan.Zero);
                continue;
            }

            var result = await RunOneAsync(node);
            results[node] = result;
            if (result.Outcome == TargetOutcome.Failed && !definition.Proceeds)
            {
                stopped = true;
            }
        }

        return plan.Select(n => results[n]).ToList();
    }

    private async Task<TargetResult> RunOneAsync(TargetNode node)
    {
        var definition = node.Definition;
        (Func<bool> Condition, string? Reason) failedCondition;
        try
        {
            failedCondition = definition.DynamicConditions.FirstOrDefault(c => !c.Condition());
        }
        catch (Exception thrown)
        {
            log.Error($"Target '{node.Name}' failed: its condition threw: {Unwrap(thrown).Message}");
            return new TargetResult(node.Name, TargetOutcome.Failed, null, TimeSpan.Zero);
        }

        if (failedCondition.Condition is not null)
        {
            return new TargetResult(node.Name, TargetOutcome.Skipped, failedCondition.Reason ?? "condition false", TimeSpan.Zero);
        }

        if (definition.Actions.Count == 0)
        {
            return new TargetResult(node.Name, TargetOutcome.Collective, null, TimeSpan.Zero);
        }

        if (gitHubActions)
        {
            output.WriteLine($"::group::{node.Name}");
        }
        else
        {
            output.WriteLine();
            log.Plain($"== {node.Name} ==", Ansi.Cyan);
        }

        var started = time.GetTimestamp();
        TargetResult result;
        try
        {
            foreach (var action in definition.Actions)
            {
                await action();
            }

            WarnAboutMissingProducts(node);
            result = new TargetResult(node.Name, TargetOutcome.Succeeded, null, time.GetElapsedTime(started));
        }
        catch (Exception thrown)
        {
            var error = Unwrap(thrown);
            if (error is TargetSkippedException skip)
            {
                log.Information($"Skipped: {skip.Reason}");
                result = new TargetResult(node.Name, TargetOutcome.Skipped, skip.Reason, time.GetElapsedTime(started)) { ReasonLogged = true };
            }
            else if (isInputMistake(error))
            {
                foreach (var line in error.Message.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).Distinct())
                {
                    log.Mistake(line);
                }

                if (log.IsVerbose)
                {
                    log.Plain(error.ToString());
                }

                result = new TargetResult(node.Name, TargetOutcome.Failed, null, time.GetElapsedTime(started)) { InputMistake = true };
            }
            else
            {
                log.Error($"Target '{node.Name}' failed: {error.Message}");
                if (log.IsVerbose)
                {
                    log.Plain(error.ToString());
                }

                result = new TargetResult(node.Name, TargetOutcome.Failed, null, time.GetElapsedTime(started));
            }
        }

        if (gitHubActions)
        {
            output.WriteLine("::endgroup::");
        }

        return result;
    }

    private void WarnAboutMissingProducts(TargetNode node)
    {
        foreach (var product in node.Definition.Products)
        {
            var path = Path.Combine(rootDirectory, product);
            if (!product.Contains('*') && !File.Exists(path) && !Directory.Exists(path))
            {
                log.Warning($"Target '{node.Name}' declares it produces '{product}', which does not exist.");
            }
        }
    }

    private static Exception Unwrap(Exception error) => error switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        _ => error,
    };
}
