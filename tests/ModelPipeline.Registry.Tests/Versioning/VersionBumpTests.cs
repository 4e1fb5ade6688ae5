namespace ModelPipeline.Registry.Tests;

public sealed class VersionBumpTests
{
    private static readonly SemanticVersion Latest = SemanticVersion.Parse("1.2.3");

    [Fact]
    public void Decide_NoPreviousVersion_IsOneZeroZero()
    {
        var bump = VersionBump.Decide(null, Some.Lineage());

        Assert.Equal(VersionBumpKind.Initial, bump.Kind);
        Assert.Equal("1.0.0", bump.Apply(null).ToString());
    }

    [Theory]
    [InlineData("data-1", "config-1", "schema-2", "binary", VersionBumpKind.Major, "2.0.0")]
    [InlineData("data-1", "config-1", "schema-1", "multiclass", VersionBumpKind.Major, "2.0.0")]
    [InlineData("data-2", "config-1", "schema-1", "binary", VersionBumpKind.Minor, "1.3.0")]
    [InlineData("data-1", "config-2", "schema-1", "binary", VersionBumpKind.Patch, "1.2.4")]
    [InlineData("data-2", "config-2", "schema-1", "binary", VersionBumpKind.Minor, "1.3.0")]
    [InlineData("data-2", "config-2", "schema-2", "binary", VersionBumpKind.Major, "2.0.0")]
    public void Decide_ChangedHashes_BumpsHighestAffectedPart(string data, string config, string schema, string task, VersionBumpKind kind, string next)
    {
        var bump = VersionBump.Decide(Some.Lineage(), Some.Lineage(data, config, schema, task));

        Assert.Equal(kind, bump.Kind);
        Assert.Equal(next, bump.Apply(Latest).ToString());
        Assert.False(bump.IsUnchanged);
    }

    [Fact]
    public void Decide_NothingChanged_IsUnchanged()
    {
        var bump = VersionBump.Decide(Some.Lineage(), Some.Lineage());

        Assert.True(bump.IsUnchanged);
        Assert.Equal("1.2.4", bump.Apply(Latest).ToString()); // what Register gives with AllowUnchanged
    }

    [Fact]
    public void Decide_HashCaseDiffers_IsUnchanged() =>
        Assert.True(VersionBump.Decide(Some.Lineage(data: "ABCDEF"), Some.Lineage(data: "abcdef")).IsUnchanged);

    [Fact]
    public void Decide_SeveralChanges_ReasonNamesEach()
    {
        var bump = VersionBump.Decide(Some.Lineage(), Some.Lineage(data: "data-2", config: "config-2"));

        Assert.Contains("data changed (data-1 -> data-2)", bump.Reason);
        Assert.Contains("config changed (config-1 -> config-2)", bump.Reason);
    }
}
