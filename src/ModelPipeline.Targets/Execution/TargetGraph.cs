using System.Reflection;

namespace ModelPipeline.Targets;

/// <summary>The targets of a build instance and the order they must run in.</summary>
internal sealed class TargetGraph
{
    private const BindingFlags Declared =
        BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private readonly List<(Target Delegate, TargetNode Node)> delegates;

    private TargetGraph(List<(Target Delegate, TargetNode Node)> delegates)
    {
        this.delegates = delegates;
        Targets = delegates.Select(d => d.Node).ToList();
    }

    /// <summary>Every target in declaration order (base classes first).</summary>
    public IReadOnlyList<TargetNode> Targets { get; }

    /// <summary>Reads the <see cref="Target"/> properties of <paramref name="build"/> and resolves their references.</summary>
    public static TargetGraph Of(BuildDefinition build)
    {
        var chain = new Stack<Type>();
        for (var type = build.GetType(); type is not null && type != typeof(BuildDefinition); type = type.BaseType)
        {
            chain.Push(type);
        }

        var entries = new List<(Target, TargetNode)>();
        foreach (var type in chain)
        {
            foreach (var property in type.GetProperties(Declared))
            {
                if (property.PropertyType != typeof(Target) || property.GetIndexParameters().Length > 0)
                {
                    continue;
                }

                var target = (Target)property.GetValue(build)!;
                var definition = new TargetDefinition(property.Name, entries.Count);
                target(definition);
                entries.Add((target, new TargetNode(definition)));
            }
        }

        var graph = new TargetGraph(entries);
        graph.Link();
        return graph;
    }

    /// <summary>The node declared by <paramref name="target"/>.</summary>
    public TargetNode Resolve(Target target, string referencedBy) =>
        delegates.FirstOrDefault(d => d.Delegate.Equals(target)).Node
        ?? throw new InvalidOperationException(
            $"Target '{referencedBy}' refers to a target that is not a Target property of the build.");

    /// <summary>Finds a target by name, ignoring case; unknown names are a usage error with a suggestion.</summary>
    public TargetNode Find(string name)
    {
        var match = Targets.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return match;
        }

        var closest = NearestName.Find(name, Targets.Select(t => t.Name));
        throw new UsageException(closest is null
            ? $"Unknown target '{TypedText.Show(name)}'. Targets: {string.Join(", ", Targets.Where(t => !t.Definition.IsUnlisted))}."
            : $"Unknown target '{TypedText.Show(name)}'. Did you mean '{closest}'?");
    }

    /// <summary>Throws a usage error naming the first cycle, e.g. <c>A -> B -> A</c> (A needs B, B needs A).</summary>
    public void CheckCycles()
    {
        var state = new Dictionary<TargetNode, int>();
        var path = new List<TargetNode>();
        foreach (var node in Targets)
        {
            Visit(node);
        }

        void Visit(TargetNode node)
        {
            if (state.GetValueOrDefault(node) == 2)
            {
                return;
            }

            if (state.GetValueOrDefault(node) == 1)
            {
                var cycle = path.Skip(path.IndexOf(node)).Append(node).Select(n => n.Name);
                throw new UsageException($"Targets form a cycle: {string.Join(" -> ", cycle)}.");
            }

            state[node] = 1;
            path.Add(node);
            foreach (var predecessor in node.Predecessors)
            {
                Visit(predecessor);
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
        }
    }

    /// <summary>
    /// The requested targets plus everything they depend on or trigger, each once, dependencies first;
    /// independent targets keep the order they were requested in, then declaration order.
    /// </summary>
    public IReadOnlyList<TargetNode> Plan(IReadOnlyList<TargetNode> requested)
    {
        var included = new HashSet<TargetNode>();
        var pending = new Stack<TargetNode>(requested);
        while (pending.TryPop(out var node))
        {
            if (included.Add(node))
            {
                node.Dependencies.ForEach(pending.Push);
                node.Triggered.ForEach(pending.Push);
            }
        }

        var order = new List<TargetNode>();
        var visited = new HashSet<TargetNode>();
        foreach (var node in requested.Concat(Targets.Where(included.Contains)))
        {
            Visit(node);
        }

        return order;

        void Visit(TargetNode node)
        {
            if (!visited.Add(node))
            {
                return;
            }

            foreach (var predecessor in node.Predecessors.Where(included.Contains).OrderBy(p => p.Definition.Index))
            {
                Visit(predecessor);
            }

            order.Add(node);
        }
    }

    private void Link()
    {
        foreach (var node in Targets)
        {
            var definition = node.Definition;
            foreach (var dependency in definition.Dependencies.Select(t => Resolve(t, node.Name)))
            {
                AddDependency(node, dependency);
            }

            foreach (var dependent in definition.Dependents.Select(t => Resolve(t, node.Name)))
            {
                AddDependency(dependent, node);
            }

            foreach (var earlier in definition.RunsAfter.Select(t => Resolve(t, node.Name)))
            {
                AddOnce(node.Predecessors, earlier);
            }

            foreach (var later in definition.RunsBefore.Select(t => Resolve(t, node.Name)))
            {
                AddOnce(later.Predecessors, node);
            }

            foreach (var triggered in definition.TriggersTargets.Select(t => Resolve(t, node.Name)))
            {
                AddTrigger(node, triggered);
            }

            foreach (var trigger in definition.TriggeredByTargets.Select(t => Resolve(t, node.Name)))
            {
                AddTrigger(trigger, node);
            }
        }
    }

    private static void AddDependency(TargetNode node, TargetNode dependency)
    {
        AddOnce(node.Dependencies, dependency);
        AddOnce(node.Predecessors, dependency);
    }

    private static void AddTrigger(TargetNode trigger, TargetNode triggered)
    {
        AddOnce(trigger.Triggered, triggered);
        AddOnce(triggered.TriggeredBy, trigger);
        AddOnce(triggered.Predecessors, trigger);
    }

    private static void AddOnce(List<TargetNode> list, TargetNode node)
    {
        if (!list.Contains(node))
        {
            list.Add(node);
        }
    }
}
