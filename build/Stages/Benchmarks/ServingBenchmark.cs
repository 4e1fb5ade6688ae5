using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ModelPipeline.Containers.Engine;
using ModelPipeline.Containers.Images;
using ModelPipeline.Containers.Publishing;
using ModelPipeline.Containers.Smoke;
using ModelPipeline.Data;
using ModelPipeline.Definitions;
using ModelPipeline.MLNet;
using ModelPipeline.Onnx;
using ModelPipeline.Onnx.Command;
using ModelPipeline.Targets;
using ModelPipeline.Training;

namespace ModelPipeline.Build;

/// <summary>
/// The serving benchmark (issue #5), side by side in one run on the churn model: our model server's image (size, build
/// time with the server already published, start to first /ping) and wrk against it with --network host, single-row and
/// 1,000-row requests; the same against a trivial Kestrel endpoint published and packaged the same way (the ceiling);
/// and against scikit-learn's churn pipeline behind Flask + gunicorn on the host ("what users would pick instead"); and
/// the ML.NET server host (src/ModelPipeline.Serving.MLNet) with an ML.NET LightGBM churn model, packaged the same way;
/// and the ONNX server host (src/ModelPipeline.Serving.Onnx) with the churn_sklearn model (pipelines/churn_sklearn.yaml's
/// training command run on the same training rows), packaged the same way.
/// </summary>
internal sealed class ServingBenchmark(string sourceRoot, string dataDirectory, BuildLog log)
{
    /// <summary>The name <c>--benchmark-only</c> selects this benchmark by.</summary>
    public const string Name = "serving";

    /// <summary>Debian packages it needs besides the Docker engine (installed by scripts/start-services.sh as root).</summary>
    public static readonly string[] Packages = ["wrk", "python3-flask", "python3-sklearn", "python3-pandas", "gunicorn", "python3-onnx"];

    public const int BatchRows = 1000;

    /// <summary>The row of the ML.NET server (its goals are issue #11's).</summary>
    public const string MLNetRow = "ModelPipeline.Serving.MLNet (churn ML.NET LightGBM)";

    /// <summary>The row of the ONNX server (scikit-learn's model from the churn_sklearn pipeline's training command).</summary>
    public const string OnnxRow = "ModelPipeline.Serving.Onnx (churn_sklearn: scikit-learn logistic regression as ONNX)";

    /// <summary>The pipeline whose training command makes the ONNX server's model.</summary>
    private const string OnnxPipeline = "churn_sklearn";

    private const string ServedModelFile = "model.bin";

    private const string CeilingProject = "benchmarks/KestrelCeiling/KestrelCeiling.csproj";
    private const int StartRepeats = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public async Task<ServingFigures> RunAsync(DockerEngineClient engine)
    {
        var loadBefore = LoadAverage();
        var work = Path.Combine(sourceRoot, ".tmp", "benchmark-serving");
        Directory.CreateDirectory(work);

        var (frame, trainRows, holdout, model) = ChurnModel(dataDirectory);
        var firstRow = holdout.Take([0]);
        var singleBody = SmokeRequest.Body(firstRow, model.Schema);
        var batchFrame = holdout.Take([.. Enumerable.Range(0, BatchRows).Select(i => i % holdout.RowCount)]);
        var batchBody = SmokeRequest.Body(batchFrame, model.Schema);
        var expectedSingle = model.Predict(firstRow);
        var expectedBatch = model.Predict(batchFrame);
        var modelDirectory = WriteModelDirectory(Path.Combine(work, "model"), model.ToBytes(), ModelKinds.BuiltIn, ServedModelFile);

        // The same task with ML.NET's LightGBM (trainer defaults, as the benchmark's ML.NET rows), served by its own host.
        var mlnetModel = MLNetTrainer.Fit(frame.Take(trainRows), new TrainingSpec(TaskKind.Binary, "churn", new Dictionary<string, string>())
        {
            TrainerType = "mlnet",
            Seed = 42,
        }, "lightgbm");
        var mlnetSingle = mlnetModel.Predict(firstRow, null);
        var mlnetBatch = mlnetModel.Predict(batchFrame, null);
        var mlnetDirectory = WriteModelDirectory(Path.Combine(work, "model-mlnet"), mlnetModel.ToBytes(), MLNetModelKind.Name, MLNetModelKind.File);

        // scikit-learn's model from churn_sklearn's training command (its command, parameters and time limit) on the same rows.
        var train = frame.Take(trainRows);
        var sklearn = PipelineLoader.LoadByName(OnnxPipeline, sourceRoot).Trainer;
        var onnxSpec = new TrainingSpec(TaskKind.Binary, "churn", new Dictionary<string, string>()) { TrainerType = "command", Seed = 42 };
        var onnxSchema = ModelTrainer.DescribeSchema(train, onnxSpec);
        var onnxParameters = sklearn.Params.ToDictionary(p => p.Key, p => p.Value.Text, StringComparer.Ordinal);
        var onnxBytes = new TrainingCommand(sklearn.Command!, TimeSpan.FromSeconds(sklearn.TimeoutSeconds))
            .Run(train, new TrainingRequest(TaskKind.Binary, "churn", onnxSchema.Classes, 42, onnxParameters), sourceRoot, log.Debug);
        var onnxModel = OnnxScoringModel.Create(onnxBytes, onnxSchema, train, "command", onnxParameters);
        var onnxSingle = onnxModel.Predict(firstRow, null);
        var onnxBatch = onnxModel.Predict(batchFrame, null);
        var onnxDirectory = WriteModelDirectory(Path.Combine(work, "model-onnx"), onnxModel.ToBytes(), OnnxModelKind.KindName, OnnxModelKind.File);

        var publish = await ServerPublisher.PublishAsync(sourceRoot, Path.Combine(sourceRoot, ".tmp", "server-publish"), log: log.Debug);
        log.Information($"serving: model server {(publish.FromCache ? "publish reused" : "published")} in {publish.Elapsed.TotalSeconds:F1} s");
        var mlnetServer = ServerFlavours.For(MLNetModelKind.Name);
        var mlnetPublish = await ServerPublisher.PublishAsync(sourceRoot, ServerFlavours.PublishDirectory(sourceRoot, MLNetModelKind.Name), mlnetServer, log.Debug);
        log.Information($"serving: ML.NET model server {(mlnetPublish.FromCache ? "publish reused" : "published")} in {mlnetPublish.Elapsed.TotalSeconds:F1} s");
        var onnxServer = ServerFlavours.For(OnnxModelKind.KindName);
        var onnxPublish = await ServerPublisher.PublishAsync(sourceRoot, ServerFlavours.PublishDirectory(sourceRoot, OnnxModelKind.KindName), onnxServer, log.Debug);
        log.Information($"serving: ONNX model server {(onnxPublish.FromCache ? "publish reused" : "published")} in {onnxPublish.Elapsed.TotalSeconds:F1} s");
        var ceilingPublish = await ServerPublisher.PublishAsync(sourceRoot, Path.Combine(sourceRoot, ".tmp", "ceiling-publish"),
            new ServerPublishOptions { Project = CeilingProject, Executable = "KestrelCeiling" }, log.Debug);

        var rows = new List<ServingRow>();
        var ours = await BuildAsync(engine, "modelpipeline-benchmark/churn:serving", publish.Directory, modelDirectory, "/app/ModelPipeline.Serving");
        rows.Add(await MeasureContainerAsync(engine, "ModelPipeline.Serving (churn logistic regression)", ours, singleBody, batchBody,
            body => SmokeRequest.Check(body, expectedSingle), body => SmokeRequest.Check(body, expectedBatch)));
        rows.Add(await MeasureContainerAsync(engine, "the same, REQUEST_LOG=all (a line per request)", ours, singleBody, batchBody,
            body => SmokeRequest.Check(body, expectedSingle), body => SmokeRequest.Check(body, expectedBatch), ["REQUEST_LOG=all"]));
        var mlnetImage = await BuildAsync(engine, "modelpipeline-benchmark/churn-mlnet:serving", mlnetPublish.Directory, mlnetDirectory, ServerFlavours.Entrypoint(mlnetServer));
        rows.Add(await MeasureContainerAsync(engine, MLNetRow, mlnetImage, singleBody, batchBody,
            body => SmokeRequest.Check(body, mlnetSingle), body => SmokeRequest.Check(body, mlnetBatch)));
        var onnxImage = await BuildAsync(engine, "modelpipeline-benchmark/churn-sklearn:serving", onnxPublish.Directory, onnxDirectory, ServerFlavours.Entrypoint(onnxServer));
        rows.Add(await MeasureContainerAsync(engine, OnnxRow, onnxImage, singleBody, batchBody,
            body => SmokeRequest.Check(body, onnxSingle), body => SmokeRequest.Check(body, onnxBatch)));
        var ceiling = await BuildAsync(engine, "modelpipeline-benchmark/kestrel-ceiling:serving", ceilingPublish.Directory, null, "/app/KestrelCeiling");
        rows.Add(await MeasureContainerAsync(engine, "Kestrel ceiling (constant answer)", ceiling, singleBody, batchBody,
            body => body.Contains("predictions", StringComparison.Ordinal) ? null : body, body => body.Contains("predictions", StringComparison.Ordinal) ? null : body));
        rows.Add(await MeasureFlaskAsync(singleBody, batchBody));
        return new ServingFigures(rows, loadBefore, LoadAverage(), publish.Elapsed.TotalSeconds, publish.FromCache, DateTimeOffset.UtcNow);
    }

    private async Task<BuiltImage> BuildAsync(DockerEngineClient engine, string tag, string serverDirectory, string? modelDirectory, string entrypoint)
    {
        var built = await new EngineImageBuilder(engine).BuildAsync(new ImageBuildRequest
        {
            Tag = tag,
            ServerDirectory = serverDirectory,
            ModelDirectory = modelDirectory,
            Entrypoint = [entrypoint],
            Labels = new Dictionary<string, string> { ["io.modelpipeline.benchmark"] = Name },
            Log = log.Debug,
        });
        log.Information($"serving: built {tag}: {built.SizeBytes / 1e6:F1} MB in {built.BuildTime.TotalSeconds:F1} s");
        return built;
    }

    private async Task<ServingRow> MeasureContainerAsync(DockerEngineClient engine, string server, BuiltImage image, string singleBody, string batchBody,
        Func<string, string?> checkSingle, Func<string, string?> checkBatch, IReadOnlyList<string>? environment = null)
    {
        var starts = new List<double>();
        RunningContainer? container = null;
        try
        {
            for (var i = 0; i < StartRepeats; i++)
            {
                if (container is not null)
                {
                    await container.DisposeAsync();
                }

                container = await RunningContainer.RunAsync(engine, image.Reference, 8080, hostNetwork: true, StartTimeout, environment);
                starts.Add(container.StartToFirstPing.TotalSeconds);
            }

            var startToPing = starts.Order().ElementAt(starts.Count / 2);
            log.Information($"serving: {server}: start → first /ping {string.Join(", ", starts.Select(s => $"{s * 1000:F0} ms"))}");
            var (single, batch) = await LoadAsync(server, container!.Address, singleBody, batchBody, checkSingle, checkBatch);
            return new ServingRow(server, "container, --network host", image.SizeBytes / 1e6, image.BuildTime.TotalSeconds, startToPing, single, batch, BatchRows);
        }
        finally
        {
            if (container is not null)
            {
                await container.DisposeAsync();
            }
        }
    }

    private async Task<ServingRow> MeasureFlaskAsync(string singleBody, string batchBody)
    {
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(sourceRoot, "build", "Stages", "Benchmarks"),
        };
        foreach (var argument in (string[])["-m", "gunicorn", "--preload", "--workers", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
                     "--bind", $"127.0.0.1:{port}", "--log-level", "warning",
                     $"flask_churn_server:create_app(\"{Path.Combine(dataDirectory, "churn.csv")}\")"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /usr/bin/python3 -m gunicorn");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = new Uri($"http://127.0.0.1:{port}/");
            if (!await AnswersPingAsync(address, process))
            {
                lock (output)
                {
                    throw new InvalidOperationException($"the Flask + scikit-learn server did not answer /ping (python3-flask, python3-sklearn, python3-pandas, gunicorn installed?):\n{output}");
                }
            }

            static string? OnePrediction(string body, int rows) =>
                JsonNode.Parse(body)?["predictions"]?.AsArray().Count == rows ? null : $"expected {rows} predictions: {body[..Math.Min(200, body.Length)]}";
            var server = "Flask + scikit-learn (gunicorn, one sync worker per core)";
            var (single, batch) = await LoadAsync(server, address, singleBody, batchBody, b => OnePrediction(b, 1), b => OnePrediction(b, BatchRows));
            return new ServingRow(server, "host process (Debian python3)", null, null, null, single, batch, BatchRows);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>The churn logistic regression every serving benchmark serves: trained on the 80% of data/churn.csv (seed 42).</summary>
    internal static (Frame Frame, int[] TrainRows, Frame Holdout, TrainedModel Model) ChurnModel(string dataDirectory)
    {
        var frame = CsvFrameReader.Read(Path.Combine(dataDirectory, "churn.csv"));
        var (trainRows, holdoutRows) = FrameSplit.TrainHoldout(frame, 0.2, 42, "churn");
        var model = ModelTrainer.Fit(frame.Take(trainRows), new TrainingSpec(TaskKind.Binary, "churn", new Dictionary<string, string>())
        {
            TrainerType = "logistic_regression",
            Seed = 42,
        });
        return (frame, trainRows, frame.Take(holdoutRows), model);
    }

    /// <summary>Whether a server process on the host answers /ping within <see cref="StartTimeout"/> (false once it exits or the time is up).</summary>
    internal static async Task<bool> AnswersPingAsync(Uri address, Process process)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && deadline.Elapsed <= StartTimeout)
        {
            try
            {
                using var ping = await http.GetAsync("ping");
                if (ping.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Still starting (training, binding).
            }

            await Task.Delay(100);
        }

        return false;
    }

    /// <summary>Checks one answer of each kind, warms up for 3 s, then wrk single-row and batch for 10 s each.</summary>
    private async Task<(WrkResult Single, WrkResult Batch)> LoadAsync(string server, Uri address, string singleBody, string batchBody,
        Func<string, string?> checkSingle, Func<string, string?> checkBatch)
    {
        var url = new Uri(address, "invocations");
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
        {
            foreach (var (body, check) in new[] { (singleBody, checkSingle), (batchBody, checkBatch) })
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(url, content);
                var answer = await response.Content.ReadAsStringAsync();
                var problem = response.IsSuccessStatusCode ? check(answer) : $"answered {(int)response.StatusCode}: {answer}";
                if (problem is not null)
                {
                    throw new InvalidOperationException($"serving benchmark: {server} answered wrongly: {problem}");
                }
            }
        }

        await WrkLoad.RunAsync(url, singleBody, seconds: 3);
        var single = await WrkLoad.RunAsync(url, singleBody);
        log.Information($"serving: {server}: single row {single.RequestsPerSecond:N0} req/s, p50 {single.P50Milliseconds:F2} ms, p99 {single.P99Milliseconds:F2} ms" +
            (single.BadResponses + single.SocketErrors > 0 ? $" ({single.BadResponses} non-2xx, {single.SocketErrors} socket errors)" : ""));
        var batch = await WrkLoad.RunAsync(url, batchBody);
        log.Information($"serving: {server}: {BatchRows:N0}-row batches {batch.RequestsPerSecond:N0} req/s = {batch.RequestsPerSecond * BatchRows:N0} rows/s, p99 {batch.P99Milliseconds:F1} ms");
        return (single, batch);
    }

    internal static string WriteModelDirectory(string directory, byte[] bytes, string kind, string file)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, file), bytes);
        var manifest = new JsonObject
        {
            ["pipeline"] = "churn",
            ["version"] = "0.0.0-benchmark",
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            ["kind"] = kind,
            ["file"] = file,
        };
        File.WriteAllText(Path.Combine(directory, "model.json"), manifest.ToJsonString());
        return directory;
    }

    /// <summary>/proc/loadavg's 1, 5 and 15 minute figures, e.g. "3.52 2.10 1.05".</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    internal static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
