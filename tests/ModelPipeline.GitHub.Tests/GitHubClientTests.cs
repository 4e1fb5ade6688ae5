using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelPipeline.GitHub.Tests;

public sealed class GitHubClientTests : IDisposable
{
    const string Repo = "octokit-fixture-org/release-assets";
    readonly FakeGitHub _github = new();
    readonly List<TimeSpan> _waits = [];
    readonly GitHubClient _client;

    public GitHubClientTests()
    {
        _client = new GitHubClient(_github.BaseUrl, "t0ken", new FixedTime(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)), (wait, _) =>
        {
            _waits.Add(wait);
            return Task.CompletedTask;
        });
    }

    public void Dispose()
    {
        _github.Dispose();
    }

    static string FixtureResponse(string file, int index) =>
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.Fixture(file)))!.AsArray()[index]!["response"]!.ToJsonString();

    [Fact]
    public async Task SetCommitStatus_Verdict_PostsModelGateWithHeaders()
    {
        _github.On("POST", "/repos/o/r/statuses/", 201, FixtureResponse("create-status.json", 1));
        var verdict = new string('x', 200);
        await _client.SetCommitStatusAsync("o/r", "abc123", CommitState.Success, verdict, "https://example.com/run");
        var request = Assert.Single(_github.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/repos/o/r/statuses/abc123", request.Path);
        Assert.Equal("/api/v3/repos/o/r/statuses/abc123", request.ServedPath);
        Assert.Equal("Bearer t0ken", request.Headers["authorization"]);
        Assert.StartsWith("ModelPipeline/", request.Headers["user-agent"], StringComparison.Ordinal);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("success", body["state"]!.GetValue<string>());
        Assert.Equal("model-gate", body["context"]!.GetValue<string>());
        Assert.Equal(140, body["description"]!.GetValue<string>().Length);
        Assert.Equal("https://example.com/run", body["target_url"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateRelease_WithAssets_PostsReleaseThenUploadsToUploadUrl()
    {
        _github.On("POST", $"/repos/{Repo}/releases", 201, FixtureResponse("release-assets.json", 0));
        _github.On("POST", $"/repos/{Repo}/releases/1000/assets", 201, FixtureResponse("release-assets.json", 1));
        var release = await _client.CreateReleaseAsync(Repo, "churn-v1.2.0", "churn 1.2.0", "notes",
            [new ReleaseAsset("model.bin", "application/octet-stream", [1, 2, 3]), new ReleaseAsset("metrics.json", "application/json", "{}"u8.ToArray())]);
        Assert.Equal(1000, release.Id);
        Assert.Equal(3, _github.Requests.Count);
        var create = JsonNode.Parse(_github.Requests[0].Body)!;
        Assert.Equal("churn-v1.2.0", create["tag_name"]!.GetValue<string>());
        Assert.Equal($"/repos/{Repo}/releases/1000/assets?name=model.bin", _github.Requests[1].Path);
        Assert.Equal("application/octet-stream", _github.Requests[1].Headers["content-type"]);
        Assert.Equal("\u0001\u0002\u0003", _github.Requests[1].Body);
        Assert.Equal($"/repos/{Repo}/releases/1000/assets?name=metrics.json", _github.Requests[2].Path);
    }

    [Fact]
    public async Task UpsertComment_MarkerFound_PatchesInPlace()
    {
        var existing = new JsonArray(
            new JsonObject { ["id"] = 7, ["body"] = "unrelated" },
            new JsonObject { ["id"] = 9, ["body"] = "<!-- modelpipeline:churn -->\nold" }).ToJsonString();
        _github.On("GET", "/repos/o/r/issues/5/comments", 200, existing);
        _github.On("PATCH", "/repos/o/r/issues/comments/9", 200, """{"id":9}""");
        var id = await _client.UpsertPullRequestCommentAsync("o/r", 5, "churn", "new report");
        Assert.Equal(9, id);
        Assert.Equal(["GET", "PATCH"], _github.Requests.Select(r => r.Method));
        Assert.Equal("<!-- modelpipeline:churn -->\nnew report", JsonNode.Parse(_github.Requests[1].Body)!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpsertComment_NoMarker_CreatesOne()
    {
        _github.On("GET", "/repos/o/r/issues/5/comments", 200, """[{"id":7,"body":"<!-- modelpipeline:flights -->"}]""");
        _github.On("POST", "/repos/o/r/issues/5/comments", 201, """{"id":11}""");
        Assert.Equal(11, await _client.UpsertPullRequestCommentAsync("o/r", 5, "churn", "report"));
        Assert.Equal("POST", _github.Requests[1].Method);
    }

    [Fact]
    public async Task DispatchWorkflow_Inputs_PostsRefAndInputs()
    {
        _github.On("POST", "/repos/o/r/actions/workflows/retrain.yml/dispatches", 204);
        await _client.DispatchWorkflowAsync("o/r", "retrain.yml", "main", new Dictionary<string, string> { ["force"] = "true" });
        Assert.Equal("""{"ref":"main","inputs":{"force":"true"}}""", _github.Requests[0].Body);
    }

    [Fact]
    public async Task Send_PrimaryRateLimit_WaitsUntilResetThenRetries()
    {
        _github.On("POST", "/repos/o/r/statuses/", 403, """{"message":"API rate limit exceeded"}""",
            ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "1700000030"));
        _github.On("POST", "/repos/o/r/statuses/", 201, "{}");
        await _client.SetCommitStatusAsync("o/r", "abc", CommitState.Failure, "rejected");
        Assert.Equal([TimeSpan.FromSeconds(31)], _waits);
        Assert.Equal(2, _github.Requests.Count);
    }

    [Fact]
    public async Task Send_SecondaryRateLimit_HonoursRetryAfter()
    {
        _github.On("POST", "/repos/o/r/statuses/", 429, """{"message":"You have exceeded a secondary rate limit"}""", ("retry-after", "5"));
        _github.On("POST", "/repos/o/r/statuses/", 201, "{}");
        await _client.SetCommitStatusAsync("o/r", "abc", CommitState.Failure, "rejected");
        Assert.Equal([TimeSpan.FromSeconds(5)], _waits);
    }

    [Fact]
    public async Task Send_SecondaryWithoutRetryAfter_WaitsAtLeastAMinuteThenGivesUp()
    {
        _github.On("POST", "/repos/o/r/statuses/", 403, """{"message":"You have exceeded a secondary rate limit"}""");
        var error = await Assert.ThrowsAsync<GitHubApiException>(() => _client.SetCommitStatusAsync("o/r", "abc", CommitState.Success, "ok"));
        Assert.Equal(GitHubClient.MaxAttempts, _github.Requests.Count);
        Assert.All(_waits, w => Assert.True(w >= TimeSpan.FromSeconds(60)));
        Assert.Equal(403, error.StatusCode);
    }

    [Theory]
    [InlineData(401, """{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}""", "Bad credentials: the token is missing, expired or wrong")]
    [InlineData(403, """{"message":"Resource not accessible by integration","documentation_url":"https://docs.github.com/rest/commits/statuses"}""", "statuses: write")]
    [InlineData(404, """{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}""", "does not exist, or the token cannot see it")]
    public async Task Send_ClientError_ClearMessageWithGitHubMessageAndDocs(int status, string body, string expected)
    {
        _github.On("POST", "/repos/o/r/statuses/", status, body);
        var error = await Assert.ThrowsAsync<GitHubApiException>(() => _client.SetCommitStatusAsync("o/r", "abc", CommitState.Success, "ok"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("(see https://docs.github.com/rest", error.Message, StringComparison.Ordinal);
        Assert.Contains("POST /repos/o/r/statuses/abc", error.Message, StringComparison.Ordinal);
        Assert.Empty(_waits);
    }

    [Fact]
    public async Task Send_ValidationFailed_ListsGitHubErrors()
    {
        _github.On("POST", "/repos/o/r/issues/5/comments", 422, FixtureResponse("errors.json", 0));
        _github.On("GET", "/repos/o/r/issues/5/comments", 200, "[]");
        var error = await Assert.ThrowsAsync<GitHubApiException>(() => _client.UpsertPullRequestCommentAsync("o/r", 5, "churn", "x"));
        Assert.Equal(422, error.StatusCode);
        Assert.Contains("Validation Failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("Label color invalid", error.Message, StringComparison.Ordinal);
        Assert.Equal("https://docs.github.com/rest/reference/issues#create-a-label", error.DocumentationUrl);
    }

    [Fact]
    public async Task GetReleaseByTag_ThenListAssets_ReadsIdsAndNamesFromGitHubShapes()
    {
        _github.On("GET", $"/repos/{Repo}/releases/tags/", 200, FixtureResponse("release-assets.json", 0));
        _github.On("GET", $"/repos/{Repo}/releases/1000/assets", 200, FixtureResponse("release-assets.json", 2));

        var release = await _client.GetReleaseByTagAsync(Repo, "v1.0.0");
        var assets = await _client.ListReleaseAssetsAsync(Repo, release.Id);

        Assert.Equal((1000L, "v1.0.0"), (release.Id, release.Tag));
        Assert.Equal(new ReleasedAsset(1000, "test-upload.txt", 14), Assert.Single(assets));
        Assert.Equal(
            [$"GET /repos/{Repo}/releases/tags/v1.0.0", $"GET /repos/{Repo}/releases/1000/assets"],
            _github.Requests.Select(r => $"{r.Method} {r.Path.Split('?')[0]}"));
        Assert.Contains("per_page=100", _github.Requests[1].Path, StringComparison.Ordinal);
        Assert.All(_github.Requests, r => Assert.Equal("Bearer t0ken", r.Headers["authorization"]));
    }

    [Fact]
    public async Task GetReleaseByTag_Missing_ThrowsClearNotFound()
    {
        var error = await Assert.ThrowsAsync<GitHubApiException>(() => _client.GetReleaseByTagAsync("o/r", "churn-v9.9.9"));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("GET /repos/o/r/releases/tags/churn-v9.9.9 failed with 404: Not Found", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist, or the token cannot see it", error.Message, StringComparison.Ordinal);
        Assert.False(await _client.ReleaseExistsAsync("o/r", "churn-v9.9.9"));
    }

    [Fact]
    public async Task DownloadReleaseAsset_RedirectToStorage_FollowsWithoutSendingTheToken()
    {
        byte[] content = [0, 1, 2, 0xFF, 0x80, 0x7F];
        using var storage = new FakeGitHub().OnBytes("GET", "/objects/", content);
        _github.On("GET", $"/repos/{Repo}/releases/assets/1000", 302, "", ("Location", $"{storage.OtherHostUrl}objects/1000?sig=s3cret"));
        using var destination = new MemoryStream();

        await _client.DownloadReleaseAssetAsync(Repo, 1000, destination);

        Assert.Equal(content, destination.ToArray());
        var api = Assert.Single(_github.Requests);
        Assert.Equal(($"/repos/{Repo}/releases/assets/1000", "application/octet-stream", "Bearer t0ken"), (api.Path, api.Headers["accept"], api.Headers["authorization"]));
        var download = Assert.Single(storage.Requests);
        Assert.Equal("/objects/1000?sig=s3cret", download.Path);
        Assert.StartsWith("localhost:", download.Headers["host"], StringComparison.Ordinal);
        Assert.False(download.Headers.ContainsKey("authorization"), "the token went to the storage host");
    }

    [Fact]
    public async Task DownloadReleaseAsset_StorageRefuses_ThrowsWithTheStatus()
    {
        using var storage = new FakeGitHub();
        _github.On("GET", $"/repos/{Repo}/releases/assets/1000", 302, "", ("Location", $"{storage.OtherHostUrl}objects/1000"));

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => _client.DownloadReleaseAssetAsync(Repo, 1000, Stream.Null));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("/objects/1000", Assert.Single(storage.Requests).Path);
        Assert.Contains($"GET /repos/{Repo}/releases/assets/1000 failed with 404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadReleaseAsset_PrimaryRateLimit_WaitsUntilResetThenDownloads()
    {
        using var storage = new FakeGitHub().OnBytes("GET", "/objects/", [42]);
        _github.On("GET", $"/repos/{Repo}/releases/assets/1000", 403, """{"message":"API rate limit exceeded"}""",
            ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "1700000030"));
        _github.On("GET", $"/repos/{Repo}/releases/assets/1000", 302, "", ("Location", $"{storage.OtherHostUrl}objects/1000"));
        using var destination = new MemoryStream();

        await _client.DownloadReleaseAssetAsync(Repo, 1000, destination);

        Assert.Equal([TimeSpan.FromSeconds(31)], _waits);
        Assert.Equal(2, _github.Requests.Count);
        Assert.Equal([42], destination.ToArray());
    }

    [Fact]
    public async Task DownloadReleaseAsset_BadCredentials_ClearMessage()
    {
        _github.On("GET", $"/repos/{Repo}/releases/assets/", 401, """{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}""");

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => _client.DownloadReleaseAssetAsync(Repo, 7, Stream.Null));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains($"GET /repos/{Repo}/releases/assets/7 failed with 401: Bad credentials: the token is missing", error.Message, StringComparison.Ordinal);
    }

    sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
