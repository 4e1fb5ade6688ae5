namespace ModelPipeline.Targets;

/// <summary>
/// Decides, before anything runs, which planned targets are skipped: those named by <c>--skip</c> (bare <c>--skip</c>:
/// all not named on the command line), those whose <c>OnlyWhenStatic</c> condition is false, and dependencies needed
/// only by the latter. Maps each skipped target to the reason the summary shows.
/// </summary>
internal static class SkipRules
{
    public static Dictionary<TargetNode, string> Apply(
        TargetGraph graph,
        IReadOnlyList<TargetNode> plan,
        IReadOnlyList<TargetNode> requested,
        List<string>? skip)
    {
        var skipped = new Dictionary<TargetNode, string>();
        if (skip is not null)
        {
            var named = skip.Select(graph.Find).ToHashSet();
            foreach (var node in plan.Where(n => skip.Count == 0 ? !requested.Contains(n) : named.Contains(n)))
            {
                skipped[node] = "--skip";
            }
        }

        foreach (var node in plan.Where(n => !skipped.ContainsKey(n)))
        {
            var failed = node.Definition.StaticConditions.FirstOrDefault(c => !c.Condition());
            if (failed.Condition is not null)
            {
                skipped[node] = $"condition {ConditionText.Of(failed.Text)} is false";
            }
        }

        // Like NUKE: a dependency needed only by targets whose static condition is false is skipped too.
        var byCondition = skipped.Where(s => s.Value != "--skip").Select(s => s.Key).ToHashSet();
        foreach (var node in plan.Reverse().Where(n => !skipped.ContainsKey(n) && !requested.Contains(n)))
        {
            var dependents = plan.Where(m => m.Dependencies.Contains(node)).ToList();
            if (dependents.Count > 0 && dependents.All(byCondition.Contains))
            {
                skipped[node] = $"only needed by skipped {string.Join(", ", dependents.Select(d => $"'{d.Name}'"))}";
                byCondition.Add(node);
            }
        }

        return skipped;
    }
}
