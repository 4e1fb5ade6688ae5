using ModelPipeline.Registry;

// Usage: CrashWriter <models-root> <pipeline> <loop|burst> <count> <model-bytes> <writer-id>
//   loop:  register + promote forever (count ignored) until killed; prints "registered <version>" after each.
//   burst: register <count> versions (each with its own config hash), promote the last, exit 0.
if (args.Length != 6)
{
    Console.Error.WriteLine("usage: CrashWriter <models-root> <pipeline> <loop|burst> <count> <model-bytes> <writer-id>");
    return 2;
}
var (root, pipeline, mode, count, size, writer) = (args[0], args[1], args[2], int.Parse(args[3]), int.Parse(args[4]), args[5]);
var registry = ModelRegistry.Open(root, pipeline, new RegistryOptions { LockTimeout = TimeSpan.FromSeconds(50) });
var random = new Random(HashCode.Combine(writer, Environment.ProcessId));
Console.WriteLine("ready");
for (var i = 0; mode == "loop" || i < count; i++)
{
    var model = new byte[size];
    random.NextBytes(model);
    var draft = new NewVersion(model, new Lineage(
        [new DataFileRecord("train.csv", $"data-{i / 3}", size)],
        DataHash: $"data-{i / 3}",
        ConfigHash: $"config-{writer}-{Environment.ProcessId}-{i}",
        SchemaHash: "schema-1",
        Task: "binary"))
    {
        RunId = $"{writer}-{i}",
        Trigger = VersionTrigger.Ci,
        Metrics = new Dictionary<string, double> { ["auc"] = random.NextDouble() },
        Attachments = new Dictionary<string, byte[]> { ["evaluation.json"] = "{\"ok\":true}"u8.ToArray() },
    };
    var version = registry.Register(draft);
    if (mode == "loop" || i == count - 1) registry.Promote(version.Version, writer, $"writer {writer} iteration {i}");
    registry.RecordDecision($"{{\"writer\":\"{writer}\",\"version\":\"{version.Version}\"}}");
    Console.WriteLine($"registered {version.Version}");
}
return 0;
