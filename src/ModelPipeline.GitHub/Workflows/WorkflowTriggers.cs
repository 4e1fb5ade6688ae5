namespace ModelPipeline.GitHub.Workflows;

/// <summary>The <c>on:</c> section: schedule, push and pull_request on the watched paths, workflow_dispatch inputs.</summary>
internal static class WorkflowTriggers
{
    public static YamlMap Build(WorkflowSpec spec)
    {
        var on = new YamlMap();
        if (spec.Schedules.Count > 0)
        {
            on.Set("schedule", spec.Schedules.Distinct(StringComparer.Ordinal).Select(c => (object)new YamlMap().Set("cron", c)).ToList());
        }

        var paths = spec.WatchedPaths.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Cast<object>().ToList();
        if (spec.OnPush)
        {
            on.Set("push", new YamlMap().Set("branches", new List<object> { spec.DefaultBranch }).Set("paths", paths));
        }

        if (spec.OnPullRequest)
        {
            on.Set("pull_request", new YamlMap().Set("paths", paths));
        }

        if (spec.OnDispatch)
        {
            var inputs = new YamlMap();
            foreach (var input in spec.Inputs)
            {
                inputs.Set(input.Name, Input(input));
            }

            on.Set("workflow_dispatch", inputs.Count == 0 ? new YamlMap() : new YamlMap().Set("inputs", inputs));
        }

        return on;
    }

    static YamlMap Input(WorkflowInput input)
    {
        var map = new YamlMap()
            .Set("description", input.Description)
            .Set("required", false)
            .Set("type", input.Type.ToString().ToLowerInvariant());
        switch (input.Type)
        {
            case WorkflowInputType.Boolean:
                map.Set("default", bool.TryParse(input.Default, out var flag) && flag);
                break;
            case WorkflowInputType.Choice:
                var options = input.Options is { Count: > 0 } o ? o : throw new WorkflowSpecException($"choice input '{input.Name}' has no options");
                map.Set("options", options.Cast<object>().ToList()).Set("default", input.Default ?? options[0]);
                break;
            default:
                map.Set("default", input.Default);
                break;
        }

        return map;
    }
}
