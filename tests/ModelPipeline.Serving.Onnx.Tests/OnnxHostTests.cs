using System.Globalization;
using System.Net;
using System.Text;
using ModelPipeline.Data;
using ModelPipeline.Onnx;
using ModelPipeline.Serving.Model;
using ModelPipeline.Training;

namespace ModelPipeline.Serving.Onnx.Tests;

/// <summary>
/// The ModelPipeline.Serving.Onnx executable serves an onnx model directory behind the same API as the built-in
/// server: answers equal to the in-process model, the same 400 for missing columns, /metrics and the prediction log;
/// the built-in server (no OnnxRuntime) refuses the directory with exit code 3 naming the kind.
/// </summary>
public sealed class OnnxHostTests : IDisposable
{
    private readonly Frame _data = TestData.Read("churn.csv");
    private readonly IScoringModel _model;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mp-serving-onnx-" + Guid.NewGuid().ToString("N")[..10]);

    public OnnxHostTests()
    {
        var (train, _) = FrameSplit.TrainHoldout(_data, 0.2, 42, "churn");
        var spec = new TrainingSpec(TaskKind.Binary, "churn", new Dictionary<string, string>());
        var trainRows = _data.Take(train);
        var onnx = OnnxExport.ToBytes(ModelTrainer.Fit(trainRows, spec));
        _model = OnnxScoringModel.Create(onnx, ModelTrainer.DescribeSchema(trainRows, spec), trainRows, "onnx_file", new Dictionary<string, string>());
        ServedModel.WriteDirectory(_directory, _model.ToBytes(), new ModelManifest("churn", "1.0.0", "", Kind: OnnxModelKind.KindName, File: OnnxModelKind.File));
    }

    [Fact]
    public async Task OnnxHost_ModelDirectory_AnswersLikeTheInProcessModelWithTheServersErrorsMetricsAndLog()
    {
        var port = LoopbackPort.Free();
        var log = Path.Combine(_directory, "log");
        using var host = ServerHostProcess.Start("ModelPipeline.Serving.Onnx.dll", "--model-dir", _directory, "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture),
            "--prediction-log-dir", log);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await ServerHostProcess.WaitForPingAsync(client, host);
            int[] rows = [0, 1, 2, 3, 4];
            var expected = _model.Predict(_data.Take(rows), null);

            using var answer = await client.PostAsync("invocations", Json(rows, [.. _model.Schema.Inputs.Select(i => i.Name)]));
            var text = await answer.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.StartsWith("{\"predictions\":[" + string.Join(",", rows.Select((_, i) => expected.Label(i))) + "]", text, StringComparison.Ordinal);

            using var missing = await client.PostAsync("invocations", Json(rows, ["tenure"]));
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.Contains("\"error_code\":\"INVALID_PARAMETER_VALUE\"", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var metrics = await client.GetStringAsync("metrics");
            Assert.Contains("modelpipeline_feature_present_total", metrics, StringComparison.Ordinal);
            var model = await client.GetStringAsync("model");
            Assert.Contains("onnx_file", model, StringComparison.Ordinal);
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }

        Assert.Contains(Directory.EnumerateFiles(log, "*", SearchOption.AllDirectories), f => new FileInfo(f).Length > 0);
    }

    [Fact]
    public async Task BuiltInServer_OnnxModel_ExitsThreeNamingTheKind()
    {
        using var server = ServerHostProcess.Start("ModelPipeline.Serving.dll", "--model-dir", _directory, "--port", "0");
        var stderr = server.StandardError.ReadToEndAsync();

        Assert.True(server.WaitForExit(TimeSpan.FromSeconds(60)), "the built-in server kept running with an onnx model");
        Assert.Equal(3, server.ExitCode);
        Assert.Contains("model kind 'onnx' cannot be read by this build (it reads: builtin)", await stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private StringContent Json(int[] rows, string[] columns)
    {
        var data = rows.Select(r => "[" + string.Join(",", columns.Select(c => Cell(_data[c], r))) + "]");
        var body = $"{{\"dataframe_split\":{{\"columns\":[{string.Join(",", columns.Select(c => $"\"{c}\""))}],\"data\":[{string.Join(",", data)}]}}}}";
        return new StringContent(body, Encoding.UTF8, "application/json");
    }

    private static string Cell(Column column, int row) =>
        column.IsMissing(row) ? "null"
        : column.IsNumeric ? column.Number(row).ToString("R", CultureInfo.InvariantCulture)
        : $"\"{column.GetText(row)}\"";
}
