using System.Net;
using System.Text;

namespace ModelPipeline.Serving.MLNet.Tests;

/// <summary>
/// The executables themselves: ModelPipeline.Serving.MLNet serves an mlnet model directory; the built-in
/// ModelPipeline.Serving (which carries no ML.NET) refuses it with exit code 3 and one line naming the kind.
/// </summary>
public sealed class HostProcessTests(ChurnMLNetModel churn) : IClassFixture<ChurnMLNetModel>
{
    [Fact]
    public async Task MLNetHost_ModelDirectory_AnswersPingAndInvocations()
    {
        var port = LoopbackPort.Free();
        using var host = ServerHostProcess.Start("ModelPipeline.Serving.MLNet.dll", "--model-dir", churn.Directory, "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await ServerHostProcess.WaitForPingAsync(client, host);
            using var content = new StringContent(churn.Body([0, 1, 2], churn.InputNames), Encoding.UTF8, "application/json");

            using var response = await client.PostAsync("invocations", content);

            var expected = churn.Model.Predict(churn.Data.Take([0, 1, 2]), null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith($"{{\"predictions\":[{expected.Label(0)},{expected.Label(1)},{expected.Label(2)}]", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task BuiltInServer_MLNetModel_ExitsThreeNamingTheKind()
    {
        using var server = ServerHostProcess.Start("ModelPipeline.Serving.dll", "--model-dir", churn.Directory, "--port", "0");
        var stderr = server.StandardError.ReadToEndAsync();

        var exited = server.WaitForExit(TimeSpan.FromSeconds(60));

        Assert.True(exited, "the built-in server kept running with an mlnet model");
        Assert.Equal(3, server.ExitCode);
        Assert.Contains("model kind 'mlnet' cannot be read by this build (it reads: builtin)", await stderr, StringComparison.Ordinal);
    }
}
