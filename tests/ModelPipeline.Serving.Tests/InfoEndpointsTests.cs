using System.Net;
using System.Text.Json;
using ModelPipeline.Serving.Tests.Support;

namespace ModelPipeline.Serving.Tests;

[Collection(ChurnServerCollection.Name)]
public sealed class InfoEndpointsTests(ChurnServer churn)
{
    [Theory]
    [InlineData("/ping")]
    [InlineData("/health")]
    public async Task Health_ModelLoaded_200(string path)
    {
        using var response = await churn.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Version_ReportsServerAndModelVersion()
    {
        var body = JsonDocument.Parse(await churn.Client.GetStringAsync("/version")).RootElement;

        Assert.StartsWith("ModelPipeline.Serving ", body.GetProperty("server").GetString());
        Assert.Equal("churn", body.GetProperty("pipeline").GetString());
        Assert.Equal("1.2.0", body.GetProperty("model_version").GetString());
    }

    [Fact]
    public async Task Model_DescribesManifestSchemaAndClasses()
    {
        var body = JsonDocument.Parse(await churn.Client.GetStringAsync("/model")).RootElement;
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(churn.ModelDirectory, "model.json"))).RootElement;

        Assert.Equal("churn", body.GetProperty("pipeline").GetString());
        Assert.Equal("1.2.0", body.GetProperty("version").GetString());
        Assert.Equal(manifest.GetProperty("sha256").GetString(), body.GetProperty("sha256").GetString());
        Assert.Equal("deadbeef", body.GetProperty("lineage").GetProperty("git").GetString());
        Assert.Equal("promoted: auc +0.01", body.GetProperty("decision").GetString());
        Assert.Equal("binary", body.GetProperty("task").GetString());
        Assert.Equal("churn", body.GetProperty("label").GetString());
        Assert.Equal(["0", "1"], body.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!));
        var inputs = body.GetProperty("inputs").EnumerateArray().ToArray();
        Assert.Equal(churn.Model.Schema.Inputs.Select(i => i.Name), inputs.Select(i => i.GetProperty("name").GetString()!));
        var contract = inputs.Single(i => i.GetProperty("name").GetString() == "contract");
        Assert.Equal("categorical", contract.GetProperty("kind").GetString());
        Assert.Equal(["Month-to-month", "One year", "Two year"], contract.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!));
    }

    [Fact]
    public async Task Requests_Default_RejectedOneWritesALine_AnsweredOneDoesNot()
    {
        await churn.Client.GetAsync("/ping?probe=log");
        await churn.Client.GetAsync("/no-such-route");
        var lines = await Eventually(() => churn.Server.Log.ToString().Split('\n').Where(l => l.Contains(" GET /no-such-route 404 ", StringComparison.Ordinal)).ToArray());

        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z GET /no-such-route 404 [0-9.]+ms rows=0$", lines[^1]);
        Assert.DoesNotContain(" GET /ping ", churn.Server.Log.ToString(), StringComparison.Ordinal);
    }

    internal static async Task<string[]> Eventually(Func<string[]> read)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var result = read();
            if (result.Length > 0)
            {
                return result;
            }

            await Task.Delay(50);
        }

        return read();
    }
}
