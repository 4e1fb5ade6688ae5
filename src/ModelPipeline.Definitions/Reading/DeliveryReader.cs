using System.Text.RegularExpressions;

namespace ModelPipeline.Definitions.Reading;

/// <summary>Reads <c>container</c>, <c>push</c>, <c>monitor</c> and <c>schedule</c>.</summary>
internal sealed partial class DeliveryReader(string rootDirectory)
{
    private const string RepositoryRule = "lower-case path components of a-z, 0-9 and . _ - separated by /";

    /// <param name="name">The pipeline's name, for the default repository in messages.</param>
    public ContainerSection ReadContainer(YamlScope root, string name)
    {
        var baseImage = PipelineDefaults.BaseImage;
        var port = PipelineDefaults.Port;
        var dockerfile = PipelineDefaults.Dockerfile;
        if (root.Mapping("container", expected: "a mapping with base, port, dockerfile") is { } container)
        {
            if (container.Value("image") is { } image)
            {
                container.Errors.Add(image.Start, container.PathOf("image"),
                    $"not a key any more: the image is named <push.registry>/<push.repository>:<version> (default repository modelpipeline/{name}); " +
                    "move the name to push.repository");
            }

            baseImage = container.Text("base", "an image reference, or empty for the built-in base") ?? baseImage;
            port = container.Integer("port", port, 1, 65535);
            if (container.Value("dockerfile") is { } node
                && container.ScalarText(node, container.PathOf("dockerfile"), "a path relative to the repository root") is { Length: > 0 } path)
            {
                dockerfile = path.Replace('\\', '/');
                if (!File.Exists(Path.Combine(rootDirectory, dockerfile)))
                {
                    container.Errors.Add(node.Start, container.PathOf("dockerfile"), $"template '{dockerfile}' does not exist (relative to {rootDirectory})");
                }
            }

            container.Finish();
        }

        return new ContainerSection(baseImage, port, dockerfile);
    }

    public PushSection ReadPush(YamlScope root, string name)
    {
        var registry = PipelineDefaults.Registry;
        var repository = PipelineDefaults.RepositoryPrefix + name;
        var tags = PipelineDefaults.Tags;
        if (root.Mapping("push", expected: "a mapping with registry, repository, tags") is { } push)
        {
            if (push.Value("registry") is { } node
                && push.ScalarText(node, push.PathOf("registry"), "host[:port]") is { } text)
            {
                if (RegistryPattern().IsMatch(text))
                {
                    registry = text;
                }
                else
                {
                    push.Errors.Add(node.Start, push.PathOf("registry"), $"expected host[:port] such as 127.0.0.1:5000 or ghcr.io, got '{text}'");
                }
            }

            repository = Repository(push, "repository") ?? repository;
            if (push.Sequence("tags", "a list of version, champion, git_sha, latest") is { } items)
            {
                tags = items.Select((item, i) => push.ChoiceOf(item, $"{push.PathOf("tags")}[{i}]", Vocabulary.Tags, ImageTag.Version))
                    .Distinct().ToArray();
            }

            push.Finish();
        }

        return new PushSection(registry, repository, tags);
    }

    public MonitorSection ReadMonitor(YamlScope root, PipelineTask task)
    {
        var share = PipelineDefaults.DriftShare;
        var features = new SortedDictionary<string, FeatureDriftRule>(StringComparer.Ordinal);
        DecayRule? decay = null;
        var retrain = PipelineDefaults.RetrainOnDrift;
        if (root.Mapping("monitor", expected: "a mapping with drift_share, features, decay, retrain_on_drift") is { } monitor)
        {
            share = monitor.Number("drift_share", share, v => v is > 0 and <= 1, "a number above 0 and at most 1");
            if (monitor.Mapping("features", expected: "a mapping of feature -> {method, threshold}") is { } map)
            {
                foreach (var (feature, _, _) in map.Entries())
                {
                    if (map.Mapping(feature, expected: "a mapping with method and threshold") is { } rule)
                    {
                        var method = rule.Choice("method", Vocabulary.DriftMethods, DriftMethod.Psi, required: true);
                        var threshold = rule.Number("threshold", double.NaN, v => v > 0, "a number > 0");
                        rule.Finish();
                        features[feature] = new FeatureDriftRule(method, double.IsNaN(threshold) ? null : threshold);
                    }
                }
            }

            if (monitor.Mapping("decay", expected: "a mapping with metric and max_drop") is { } decayMap)
            {
                var metric = decayMap.Value("metric") is { } metricNode
                    ? GateReader.Metric(decayMap, metricNode, decayMap.PathOf("metric"), task)
                    : MetricCatalog.DefaultPrimary(task);
                var maxDrop = decayMap.Number("max_drop", double.NaN, v => v >= 0, "a number >= 0");
                if (!decayMap.Has("max_drop"))
                {
                    decayMap.Missing("max_drop", "a number >= 0 (the largest allowed drop of the metric)");
                }

                decayMap.Finish();
                decay = metric is null || double.IsNaN(maxDrop) ? null : new DecayRule(metric, maxDrop);
            }

            retrain = monitor.Flag("retrain_on_drift", retrain);
            monitor.Finish();
        }

        return new MonitorSection(share, features, decay, retrain);
    }

    public ScheduleSection? ReadSchedule(YamlScope root)
    {
        if (root.Mapping("schedule", expected: "a mapping with cron") is not { } schedule)
        {
            return null;
        }

        var node = schedule.Value("cron");
        ScheduleSection? result = null;
        if (node is null)
        {
            schedule.Missing("cron", "a 5-field cron expression such as \"0 3 * * 1\"");
        }
        else if (schedule.ScalarText(node, schedule.PathOf("cron"), "a 5-field cron expression") is { } cron)
        {
            if (!CronSchedule.TryParse(cron, out _, out var problem))
            {
                schedule.Errors.Add(node.Start, schedule.PathOf("cron"), problem!);
            }
            else
            {
                result = new ScheduleSection(string.Join(' ', cron.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            }
        }

        schedule.Finish();
        return result;
    }

    private static string? Repository(YamlScope scope, string key)
    {
        if (scope.Value(key) is not { } node || scope.ScalarText(node, scope.PathOf(key), RepositoryRule) is not { } text)
        {
            return null;
        }

        if (RepositoryPattern().IsMatch(text))
        {
            return text;
        }

        scope.Errors.Add(node.Start, scope.PathOf(key), $"'{text}' is not a valid image repository; expected {RepositoryRule}");
        return null;
    }

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex(@"^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]{1,5})?$|^\[[0-9a-fA-F:]+\](?::[0-9]{1,5})?$")]
    private static partial Regex RegistryPattern();
}
