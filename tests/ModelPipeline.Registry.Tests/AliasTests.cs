namespace ModelPipeline.Registry.Tests;

public sealed class AliasTests : IDisposable
{
    private readonly TempRegistry _temp = new();

    public void Dispose() => _temp.Dispose();

    private ModelRegistry WithVersions(int count)
    {
        var registry = _temp.Open();
        for (var i = 0; i < count; i++) registry.Register(Some.Draft(data: $"data-{i}", seed: i));
        return registry;
    }

    [Fact]
    public void Champion_NothingPromoted_IsNull()
    {
        var registry = WithVersions(1);

        Assert.Null(registry.Champion);
        Assert.False(registry.TryGetAlias("champion", out _));
    }

    [Fact]
    public void Promote_ExistingVersion_MovesChampionAndRecordsHistory()
    {
        var registry = WithVersions(2);

        registry.Promote("1.0.0", "alice", "first");
        _temp.Clock.Advance(TimeSpan.FromHours(1));
        var move = registry.Promote("1.1.0", "ci", "auc +0.02");

        Assert.Equal("1.1.0", registry.Champion!.Version);
        Assert.Equal(new AliasMove(_temp.Clock.Now, "champion", "1.0.0", "1.1.0", "ci", "auc +0.02"), move);
        Assert.Equal([null, "1.0.0"], registry.AliasHistory().Select(m => m.From));
        var plain = "{\n  \"champion\": \"1.1.0\"\n}\n";
        var seal = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(plain)));
        Assert.Equal($"{{\n  \"#sha256\": \"{seal}\",\n  \"champion\": \"1.1.0\"\n}}\n", File.ReadAllText(Path.Combine(_temp.PipelineDir(), "aliases.json")));
    }

    [Fact]
    public void Promote_SameVersionAgain_RecordsNothing()
    {
        var registry = WithVersions(1);
        registry.Promote("1.0.0", "ci", "first");

        var move = registry.Promote("1.0.0", "ci", "again");

        Assert.Equal("1.0.0", move.From);
        Assert.Single(registry.AliasHistory());
    }

    [Fact]
    public void SetAlias_UnknownVersion_FailsAndLeavesAliasesUntouched()
    {
        var registry = WithVersions(1);

        var e = Assert.Throws<RegistryException>(() => registry.SetAlias("staging", "9.9.9", "ci", "x"));

        Assert.Equal("unknown version 9.9.9 of pipeline 'churn'; existing versions: 1.0.0", e.Message);
        Assert.Empty(registry.Aliases);
        Assert.Empty(registry.AliasHistory());
    }

    [Fact]
    public void SetAlias_CorruptModel_RefusesToPointAtIt()
    {
        var registry = WithVersions(1);
        File.WriteAllText(Path.Combine(_temp.PipelineDir(), "versions", "1.0.0", "model.bin"), "garbage");

        Assert.Throws<RegistryIntegrityException>(() => registry.Promote("1.0.0", "ci", "x"));
        Assert.Null(registry.Champion);
    }

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("../x")]
    [InlineData("")]
    public void SetAlias_BadName_Refuses(string alias) =>
        Assert.Throws<RegistryException>(() => WithVersions(1).SetAlias(alias, "1.0.0", "ci", "x"));

    [Fact]
    public void SetAlias_SeveralAliases_ListedAndIndependent()
    {
        var registry = WithVersions(2);

        registry.SetAlias("staging", "1.1.0", "ci", "candidate");
        registry.Promote("1.0.0", "ci", "prod");

        Assert.Equal(new Dictionary<string, string> { ["champion"] = "1.0.0", ["staging"] = "1.1.0" }, registry.Aliases);
        Assert.True(registry.TryGetAlias("staging", out var staging));
        Assert.Equal("1.1.0", staging.Version);
    }

    [Fact]
    public void Rollback_AfterPromotions_WalksBackOneChampionPerCall()
    {
        var registry = WithVersions(3);
        registry.Promote("1.0.0", "ci", "a");
        registry.Promote("1.1.0", "ci", "b");
        registry.Promote("1.2.0", "ci", "c");

        var first = registry.Rollback("alice", "1.2.0 misbehaves");
        var second = registry.Rollback("alice", "1.1.0 too");

        Assert.Equal(("1.2.0", "1.1.0", AliasMoveKind.Rollback), (first.From, first.To, first.Kind));
        Assert.Equal(("1.1.0", "1.0.0"), (second.From, second.To));
        Assert.Equal("1.0.0", registry.Champion!.Version);
    }

    [Fact]
    public void Rollback_ToGivenVersion_MovesThere()
    {
        var registry = WithVersions(3);
        registry.Promote("1.2.0", "ci", "c");

        var move = registry.Rollback("alice", "known good", to: "1.0.0");

        Assert.Equal("1.0.0", move.To);
        Assert.Equal("1.0.0", registry.Champion!.Version);
    }

    [Fact]
    public void Rollback_OnlyOneChampionEver_SaysNoPreviousChampion()
    {
        var registry = WithVersions(2);
        registry.Promote("1.1.0", "ci", "a");

        var e = Assert.Throws<RegistryException>(() => registry.Rollback("alice", "x"));

        Assert.Equal("pipeline 'churn' has no previous champion to roll back to (champion 1.1.0 is the first); name a version with --to", e.Message);
    }

    [Fact]
    public void Rollback_NoChampion_SaysSo()
    {
        var e = Assert.Throws<RegistryException>(() => WithVersions(1).Rollback("alice", "x"));

        Assert.Contains("has no champion to roll back", e.Message);
    }

    [Fact]
    public void Rollback_HistoryLineLostInCrash_TrustsAliasesFile()
    {
        var registry = WithVersions(3);
        registry.Promote("1.0.0", "ci", "a");
        registry.Promote("1.1.0", "ci", "b");
        // simulate a crash after aliases.json was renamed but before history.jsonl got the 1.1.0 -> 1.2.0 line
        File.WriteAllText(Path.Combine(_temp.PipelineDir(), "aliases.json"), "{\"champion\": \"1.2.0\"}");

        Assert.Equal("1.1.0", registry.Rollback("alice", "x").To);
    }

    [Fact]
    public void AliasHistory_TornLastLine_IsIgnoredAndCutOnNextAppend()
    {
        var registry = WithVersions(2);
        registry.Promote("1.0.0", "ci", "a");
        var history = Path.Combine(_temp.PipelineDir(), "history.jsonl");
        File.AppendAllText(history, "{\"alias\":\"champion\",\"fr");

        Assert.Single(registry.AliasHistory());
        registry.Promote("1.1.0", "ci", "b");

        Assert.Equal(["1.0.0", "1.1.0"], registry.AliasHistory().Select(m => m.To));
        Assert.Equal(2, File.ReadAllLines(history).Length);
    }

    [Fact]
    public void RecordDecision_JsonValues_StoredOneCompactLineEach()
    {
        var registry = WithVersions(1);

        registry.RecordDecision("{ \"promote\": true,\n \"challenger\": \"1.0.0\" }");
        registry.RecordDecision("{\"promote\":false}");

        Assert.Equal(["{\"challenger\":\"1.0.0\",\"promote\":true}", "{\"promote\":false}"], registry.Decisions());
        Assert.Throws<RegistryException>(() => registry.RecordDecision("{not json"));
        Assert.Equal(2, registry.Decisions().Count);
    }
}
