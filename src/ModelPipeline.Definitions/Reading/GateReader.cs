using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ModelPipeline.Definitions.Reading;

/// <summary>Reads <c>gate</c>: metric names are checked against the task.</summary>
internal sealed partial class GateReader
{
    public GateSection Read(YamlScope root, PipelineTask task)
    {
        var primary = MetricCatalog.DefaultPrimary(task);
        var thresholds = new List<Threshold>();
        var guards = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var minImprovement = PipelineDefaults.MinImprovement;
        var minRelative = PipelineDefaults.MinRelativeImprovement;
        SignificanceSection? significance = null;
        var failOnReject = PipelineDefaults.FailOnReject;
        if (root.Mapping("gate", expected: "a mapping with primary_metric, thresholds, ...") is { } gate)
        {
            if (gate.Value("primary_metric") is { } primaryNode)
            {
                primary = Metric(gate, primaryNode, gate.PathOf("primary_metric"), task) ?? primary;
            }

            if (gate.Mapping("thresholds", expected: "a mapping of metric -> \">= 0.8\"") is { } map)
            {
                foreach (var (metric, key, value) in map.Entries())
                {
                    if (Metric(map, key, map.PathOf(metric), task) is not null && Bar(map, metric, value) is { } threshold)
                    {
                        thresholds.Add(threshold);
                    }
                }
            }

            minImprovement = gate.Number("min_improvement", minImprovement, v => v >= 0, "a number >= 0");
            minRelative = gate.Number("min_relative_improvement", minRelative, v => v >= 0, "a number >= 0");
            if (gate.Mapping("guards", expected: "a mapping of metric -> largest allowed regression") is { } guardMap)
            {
                foreach (var (metric, key, value) in guardMap.Entries())
                {
                    var allowed = guardMap.NumberOf(value, guardMap.PathOf(metric), double.NaN, v => v >= 0, "a number >= 0 (the largest allowed regression)");
                    if (Metric(guardMap, key, guardMap.PathOf(metric), task) is not null && !double.IsNaN(allowed))
                    {
                        guards[metric] = allowed;
                    }
                }
            }

            significance = ReadSignificance(gate, task);
            failOnReject = gate.Flag("fail_on_reject", failOnReject);
            gate.Finish();
        }

        return new GateSection(primary, MetricCatalog.LowerIsBetter(primary), thresholds, minImprovement, minRelative, guards, significance, failOnReject);
    }

    private static SignificanceSection? ReadSignificance(YamlScope gate, PipelineTask task)
    {
        if (gate.Mapping("significance", expected: "a mapping with test, level, resamples") is not { } map)
        {
            return null;
        }

        var test = map.Choice("test", Vocabulary.Tests, PipelineDefaults.Test);
        if (map.Value("test") is { } testNode)
        {
            if (test == SignificanceTest.Delong && task != PipelineTask.Binary)
            {
                map.Errors.Add(testNode.Start, map.PathOf("test"), "delong compares AUCs and needs task binary; expected bootstrap or mcnemar");
            }
            else if (test == SignificanceTest.Mcnemar && task == PipelineTask.Regression)
            {
                map.Errors.Add(testNode.Start, map.PathOf("test"), "mcnemar needs classification; expected bootstrap for regression");
            }
        }

        var level = map.Number("level", PipelineDefaults.SignificanceLevel, v => v is > 0 and < 1, "a number between 0 and 1 (exclusive)");
        var resamples = map.Integer("resamples", PipelineDefaults.Resamples, 100, 1_000_000);
        map.Finish();
        return new SignificanceSection(test, level, resamples);
    }

    /// <summary>The metric name in a node when it is valid for the task; null (with an error) otherwise.</summary>
    internal static string? Metric(YamlScope scope, YamlNode node, string path, PipelineTask task)
    {
        var valid = MetricCatalog.For(task);
        var expected = $"a {Vocabulary.NameOf(Vocabulary.Tasks, task)} metric: {string.Join(", ", valid)}";
        if (scope.ScalarText(node, path, expected) is not { } name)
        {
            return null;
        }

        if (valid.Contains(name, StringComparer.Ordinal))
        {
            return name;
        }

        var known = new[] { PipelineTask.Binary, PipelineTask.Multiclass, PipelineTask.Regression }
            .Any(t => MetricCatalog.IsValid(t, name));
        var problem = known
            ? $"metric '{name}' does not apply to task {Vocabulary.NameOf(Vocabulary.Tasks, task)}"
            : $"unknown metric '{name}'";
        scope.Errors.Add(node.Start, path, $"{problem}; expected one of {string.Join(", ", valid)}{YamlScope.DidYouMean(name, valid)}");
        return null;
    }

    private static Threshold? Bar(YamlScope map, string metric, YamlNode node)
    {
        const string expected = "a comparison like \">= 0.8\" (operators >=, >, <=, <)";
        var path = map.PathOf(metric);
        if (map.ScalarText(node, path, expected) is not { } text)
        {
            return null;
        }

        var match = BarPattern().Match(text);
        if (!match.Success || !double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            map.Errors.Add(node.Start, path, $"cannot read threshold '{text}'; expected {expected}");
            return null;
        }

        var op = match.Groups["op"].Value switch
        {
            ">=" => ThresholdOperator.AtLeast,
            ">" => ThresholdOperator.Above,
            "<=" => ThresholdOperator.AtMost,
            _ => ThresholdOperator.Below,
        };
        return new Threshold(metric, op, value);
    }

    [GeneratedRegex(@"^\s*(?<op>>=|<=|>|<)\s*(?<value>[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)\s*$")]
    private static partial Regex BarPattern();
}
