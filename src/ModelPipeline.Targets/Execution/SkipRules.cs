namespace ModelPipeline.Targets;

/// <summary>
/// Decides, before anything runs, which planned targets are skipped: those named by <c>--skip</c> (bare <c>--skip</c>:
/// all not named on the command line), those whose <c>OnlyWhenStatic</c> condition is false, and targets needed
/// (as dependency or trigger) only by skipped ones, like NUKE. Maps each skipped target to the reason the summary shows.
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

        // Like NUKE: targets needed (as dependency or trigger) only by skipped targets are skipped too.
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var node in plan.Where(n => !skipped.ContainsKey(n) && !requested.Contains(n)))
            {
                var neededBy = plan.Where(m => m.Dependencies.Contains(node) || m.Triggered.Contains(node)).ToList();
                if (neededBy.Count > 0 && neededBy.All(skipped.ContainsKey))
                {
                    skipped[node] = $"only needed by skipped {string.Join(", ", neededBy.Select(d => $"'{d.Name}'"))}";
                    changed = true;
                }
            }
        }

        return skipped;
    }
}
