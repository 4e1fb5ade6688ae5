namespace ModelPipeline.Registry.Tests;

public sealed class VersionTriggerTextTests
{
    [Theory]
    [InlineData("data_change", VersionTrigger.DataChange)]
    [InlineData("Data-Change", VersionTrigger.DataChange)]
    [InlineData("ci", VersionTrigger.Ci)]
    [InlineData(" schedule ", VersionTrigger.Schedule)]
    public void Parse_KnownText_ReturnsTrigger(string text, VersionTrigger expected) =>
        Assert.Equal(expected, VersionTriggerText.Parse(text));

    [Fact]
    public void Parse_UnknownText_ListsValidValues()
    {
        var e = Assert.Throws<RegistryException>(() => VersionTriggerText.Parse("nightly"));

        Assert.Equal("unknown trigger 'nightly'; expected one of local, schedule, data_change, drift, manual, ci", e.Message);
    }

    [Fact]
    public void ToText_EveryTrigger_RoundTrips() =>
        Assert.All(Enum.GetValues<VersionTrigger>(), t => Assert.Equal(t, VersionTriggerText.Parse(VersionTriggerText.ToText(t))));
}
