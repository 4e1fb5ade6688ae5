using System.Diagnostics;
using System.Formats.Tar;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ModelPipeline.Containers.Engine;
using ModelPipeline.Registry;
using Xunit.Abstractions;

namespace ModelPipeline.Build.Tests;

/// <summary>
/// Deploy and Rollback against the real Docker engine and the tests' own registry: the champion's pushed image becomes the
/// serving container on a free port, a new champion switches in with a request loop running through the switch, a broken
/// image (model file whose sha256 differs from model.json's, so the server refuses to start) leaves the old container
/// serving, and Rollback redeploys the previous champion's image. The serving container is removed afterwards.
/// </summary>
[Collection(TestRegistryCollection.Name)]
public sealed class DeployTests(TestRegistryFixture registry, ITestOutputHelper log)
{
    [Fact]
    public async Task Deploy_SwitchesChampions_KeepsTheOldOneThroughABrokenImage_AndRollbackRedeploysThePrevious()
    {
        Assert.True(File.Exists("/tmp/modelpipeline/docker.sock") || File.Exists("/var/run/docker.sock"),
            "No Docker engine: run ./build.sh Test (it starts one with scripts/start-services.sh) or scripts/start-services.sh as root.");
        using var workspace = new PipelineWorkspace();
        var repository = $"{registry.Namespace}/churn-deploy-test";
        var container = repository.Replace('/', '-');
        workspace.Edit("pipelines/churn.yaml", "repository: modelpipeline/churn", $"repository: {repository}");
        var port = FreeLoopbackPort();
        var env = new Dictionary<string, string?> { ["REGISTRY"] = registry.Address, ["DEPLOY_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var connection = await DockerEngine.TryConnectAsync();
        Assert.True(connection.Client is not null, connection.Reason);
        using var engine = connection.Client;
        try
        {
            // The default run deploys the first champion.
            var (exit, output) = workspace.Build(env);
            Assert.True(exit == 0, output);
            Assert.Contains($"Deployed churn 1.0.0 as container {container} on 127.0.0.1:{port}", output);
            Assert.Equal("1.0.0", await ServedVersionAsync(port));

            // A second version, made champion and deployed in place of the first while requests keep coming.
            (exit, output) = workspace.Build(env, "--force");
            Assert.True(exit == 0, output);
            var models = ModelRegistry.Open(workspace.Models, "churn");
            var second = Assert.Single(models.ListVersions(), v => v.Version != "1.0.0").Version;
            if (models.Champion?.Version != second)
            {
                (exit, output) = workspace.Build(env, "Promote", "--version", second);
                Assert.True(exit == 0, output);
                (exit, output) = await ThroughRequestLoopAsync(port, "deploy of " + second, () => workspace.Build(env, "Deploy", "--skip", "--force"));
                Assert.True(exit == 0, output);
            }

            Assert.Equal(second, await ServedVersionAsync(port));
            var servingImage = (await engine.InspectContainerAsync(container)).Config.Image;

            // A broken image for the champion: its model.json names a sha256 the model file does not have.
            var broken = await BuildBrokenImageAsync(engine, workspace, servingImage, $"{registry.Address}/{repository}:broken");
            models.RecordImage(second, broken, "sha256:" + new string('0', 64), ["broken"]);
            (exit, output) = workspace.Build(env, "Deploy", "--skip", "--force");
            Assert.Equal(1, exit);
            Assert.Contains($"{broken} failed its smoke test, so it was not deployed: the container exited (code 3) before answering GET /ping; {container} still serves {servingImage}", output);
            Assert.DoesNotContain("   at ", output);
            Assert.Equal(second, await ServedVersionAsync(port));
            Assert.Equal(servingImage, (await engine.InspectContainerAsync(container)).Config.Image);
            Assert.Empty(await engine.ListContainersAsync(ModelPipeline.Containers.Smoke.RunningContainer.Label));

            // Rollback moves the champion and serves the previous image.
            (exit, output) = await ThroughRequestLoopAsync(port, "rollback", () => workspace.Build(env, "Rollback"));
            Assert.True(exit == 0, output);
            Assert.Contains($"champion: {second} -> 1.0.0", output);
            Assert.Equal("1.0.0", ModelRegistry.Open(workspace.Models, "churn").Champion?.Version);
            Assert.Equal("1.0.0", await ServedVersionAsync(port));
        }
        finally
        {
            await engine.RemoveContainerAsync(container);
            await engine.RemoveContainerAsync(container + "-next");
        }
    }

    [Fact]
    public void Deploy_WithoutChampion_ThenWithoutPushedImage_SaysSoInOneLineEach()
    {
        Assert.True(File.Exists("/tmp/modelpipeline/docker.sock") || File.Exists("/var/run/docker.sock"),
            "No Docker engine: run ./build.sh Test (it starts one with scripts/start-services.sh) or scripts/start-services.sh as root.");
        using var workspace = new PipelineWorkspace();

        var (exit, output) = workspace.BuildFailingWithRegistryKept("Deploy", "--skip", "--force");
        Assert.Equal(2, exit);
        Assert.Contains("pipeline 'churn' has no champion to deploy: run ./build.sh until a version is promoted, or ./build.sh Promote --version <v>", output);

        (exit, output) = workspace.Build("Retrain", "Evaluate", "CompareWithChampion");
        Assert.True(exit == 0, output);
        (exit, output) = workspace.BuildFailingWithRegistryKept("Deploy", "--skip", "--force");
        Assert.Equal(2, exit);
        Assert.Contains("churn 1.0.0 has no pushed image in the registry's records: package and push it first (./build.sh Push)", output);
        Assert.False(File.Exists(Path.Combine(workspace.Root, "artifacts", "churn", "deploy.json")));
    }

    /// <summary>Runs <paramref name="action"/> while a loop sends GET /version to the port; logs failed requests and the longest time without an answer.</summary>
    private async Task<(int, string)> ThroughRequestLoopAsync(int port, string what, Func<(int, string)> action)
    {
        using var stop = new CancellationTokenSource();
        var loop = Task.Run(async () =>
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
            var (ok, failed, longest) = (0, 0, TimeSpan.Zero);
            var lastAnswer = Stopwatch.StartNew();
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await http.GetAsync("version");
                    if (response.IsSuccessStatusCode)
                    {
                        ok++;
                        longest = lastAnswer.Elapsed > longest ? lastAnswer.Elapsed : longest;
                        lastAnswer.Restart();
                        continue;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }

                failed++;
                await Task.Delay(1);
            }

            return (ok, failed, longest);
        });
        var result = await Task.Run(action);
        await stop.CancelAsync();
        var (answered, failures, gap) = await loop;
        log.WriteLine($"{what}: {answered} requests answered, {failures} failed, longest time without an answer {gap.TotalMilliseconds:F0} ms");
        return result;
    }

    private static async Task<string?> ServedVersionAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var document = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/version"));
        return document.RootElement.GetProperty("model_version").GetString();
    }

    private static async Task<string> BuildBrokenImageAsync(DockerEngineClient engine, PipelineWorkspace workspace, string from, string tag)
    {
        var manifest = File.ReadAllText(Path.Combine(workspace.Root, "artifacts", "churn", "image-model", "model.json"));
        var sha = JsonDocument.Parse(manifest).RootElement.GetProperty("sha256").GetString()!;
        var context = new MemoryStream();
        await using (var tar = new TarWriter(context, TarEntryFormat.Pax, leaveOpen: true))
        {
            await AddAsync(tar, "Dockerfile", $"FROM {from}\nCOPY model.json /app/model/model.json\n");
            await AddAsync(tar, "model.json", manifest.Replace(sha, new string('0', 64), StringComparison.Ordinal));
        }

        context.Position = 0;
        await engine.BuildAsync(context, tag);
        return tag;
    }

    private static async Task AddAsync(TarWriter tar, string name, string text)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)), Mode = (UnixFileMode)0b110_100_100 };
        await tar.WriteEntryAsync(entry);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
